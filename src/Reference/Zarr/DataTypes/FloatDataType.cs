using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// <c>float16</c>, <c>float32</c>, <c>float64</c>: IEEE 754 binary16/32/64. Fill values are
/// JSON numbers (rounded half-to-even straight to the target width), "NaN", "Infinity",
/// "-Infinity", or a hex bit pattern (core spec, "Permitted fill values").
/// </summary>
public sealed class FloatDataType : ZarrDataType
{
    private FloatDataType(string name, ElementType type)
    {
        Name = name;
        ElementType = type;
    }

    public static FloatDataType Float16 { get; } = new("float16", ElementType.Float16);
    public static FloatDataType Float32 { get; } = new("float32", ElementType.Float32);
    public static FloatDataType Float64 { get; } = new("float64", ElementType.Float64);

    public override string Name { get; }

    public override ElementType ElementType { get; }

    public override byte[] DefaultFillValue => new byte[ElementType.Size];

    public override byte[] ParseFillValue(JsonElement value, string location)
    {
        byte[] bytes = new byte[ElementType.Size];
        ParseFloat(value, bytes, location, ZarrRules.FillFloat);
        return bytes;
    }

    /// <summary>
    /// Parses one IEEE 754 value of <c>destination.Length</c> bytes from its Zarr JSON form
    /// into <paramref name="destination"/>, little-endian.
    /// </summary>
    public static void ParseFloat(JsonElement value, Span<byte> destination, string location, string rule)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            // The raw text goes straight to the target width: parsing to double first and
            // narrowing would round twice and can land on the wrong neighbour.
            string raw = value.GetRawText();
            switch (destination.Length)
            {
                case 2:
                    BinaryPrimitives.WriteHalfLittleEndian(destination, Half.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case 4:
                    BinaryPrimitives.WriteSingleLittleEndian(destination, float.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                default:
                    BinaryPrimitives.WriteDoubleLittleEndian(destination, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
            }
            return;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConformanceException(rule, location, "a float fill value must be a number, \"NaN\", \"Infinity\", \"-Infinity\" or a hex string");
        }
        string text = value.GetString()!;
        int width = destination.Length * 8;
        ulong signBit = 1UL << (width - 1);
        int mantissaBits = width switch { 16 => 10, 32 => 23, _ => 52 };
        ulong exponentMask = ((1UL << (width - 1 - mantissaBits)) - 1) << mantissaBits;
        switch (text)
        {
            case "NaN":
                FloatBits.Write(destination, FloatBits.CanonicalNaN(destination.Length));
                return;
            case "Infinity":
                FloatBits.Write(destination, exponentMask);
                return;
            case "-Infinity":
                FloatBits.Write(destination, exponentMask | signBit);
                return;
        }
        if (text.Length == 2 + (destination.Length * 2) && text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong bits))
        {
            FloatBits.Write(destination, bits);
            return;
        }
        throw new ConformanceException(rule, location, $"'{text}' is not \"NaN\", \"Infinity\", \"-Infinity\" or \"0x\" and {destination.Length * 2} hex digits");
    }
}
