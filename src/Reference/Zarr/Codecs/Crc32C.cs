using System.Buffers.Binary;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) as RFC 3720 defines it; the check
/// value of "123456789" is 0xE3069283. Uses the CPU's CRC32C instructions where present.
/// </summary>
public static class Crc32C
{
    private const uint Polynomial = 0x82F63B78;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(~0u, data);

    private static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = (uint)Sse42.X64.Crc32(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }
            foreach (byte b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }
            return crc;
        }
        if (Crc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = Crc32.Arm64.ComputeCrc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }
            foreach (byte b in data)
            {
                crc = Crc32.ComputeCrc32C(crc, b);
            }
            return crc;
        }
        return AppendTable(crc, data);
    }

    /// <summary>The portable table path, whatever the CPU; tests compare it with the intrinsic path.</summary>
    internal static uint ComputePortable(ReadOnlySpan<byte> data) => ~AppendTable(~0u, data);

    private static uint AppendTable(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        uint[] table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
