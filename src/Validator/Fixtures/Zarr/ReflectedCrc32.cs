namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// A table-driven, reflected 32-bit CRC with initial value and final XOR of all ones: the shape
/// shared by gzip's CRC-32 (RFC 1952 8) and the crc32c codec's CRC-32C (RFC 3720 B.4), which
/// differ only in their polynomial. Each instance checks its table against the standard check
/// value of "123456789", so a wrong table never writes a corpus.
/// </summary>
internal sealed class ReflectedCrc32
{
    private readonly uint[] _table = new uint[256];

    public ReflectedCrc32(uint reflectedPolynomial, uint checkValue)
    {
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ reflectedPolynomial : c >> 1;
            }
            _table[i] = c;
        }
        if (Compute("123456789"u8) != checkValue)
        {
            throw new InvalidOperationException($"the CRC table of polynomial 0x{reflectedPolynomial:X8} does not give its check value");
        }
    }

    public uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFF;
    }
}
