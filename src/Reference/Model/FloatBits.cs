using System.Buffers.Binary;
using System.Globalization;

namespace Conformance.Reference.Model;

/// <summary>Bit-level facts about IEEE 754 binary16/32/64 values held little-endian.</summary>
public static class FloatBits
{
    /// <summary>
    /// The string Zarr writes for a non-finite value: "NaN" only for the quiet NaN with sign 0
    /// and just the top mantissa bit set, "Infinity", "-Infinity", and "0x…" for every other NaN;
    /// null for finite values.
    /// </summary>
    public static string? SpecialName(ReadOnlySpan<byte> bits)
    {
        ulong value = Read(bits);
        int width = bits.Length * 8;
        int mantissaBits = width switch { 16 => 10, 32 => 23, _ => 52 };
        ulong exponentMask = ((1UL << (width - 1 - mantissaBits)) - 1) << mantissaBits;
        ulong mantissaMask = (1UL << mantissaBits) - 1;
        ulong signBit = 1UL << (width - 1);
        if ((value & exponentMask) != exponentMask)
        {
            return null;
        }
        if ((value & mantissaMask) == 0)
        {
            return (value & signBit) == 0 ? "Infinity" : "-Infinity";
        }
        if (value == CanonicalNaN(bits.Length))
        {
            return "NaN";
        }
        return "0x" + value.ToString("x" + (bits.Length * 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Bits of Zarr's "NaN": sign 0, exponent all ones, only the top mantissa bit set.</summary>
    public static ulong CanonicalNaN(int size) => size switch
    {
        2 => 0x7e00,
        4 => 0x7fc00000,
        8 => 0x7ff8000000000000,
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };

    public static ulong Read(ReadOnlySpan<byte> bits) => bits.Length switch
    {
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bits),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bits),
        8 => BinaryPrimitives.ReadUInt64LittleEndian(bits),
        _ => throw new ArgumentOutOfRangeException(nameof(bits)),
    };

    public static void Write(Span<byte> destination, ulong value)
    {
        switch (destination.Length)
        {
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)value);
                break;
            case 4:
                BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)value);
                break;
            case 8:
                BinaryPrimitives.WriteUInt64LittleEndian(destination, value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(destination));
        }
    }
}
