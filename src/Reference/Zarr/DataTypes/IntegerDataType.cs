using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// <c>int8</c> … <c>uint64</c>. The fill value must be a JSON number with no fraction or
/// exponent part, within the type's range (core spec, "Permitted fill values").
/// </summary>
public sealed class IntegerDataType : ZarrDataType
{
    private readonly Int128 _min;
    private readonly Int128 _max;

    private IntegerDataType(string name, ElementType type, Int128 min, Int128 max)
    {
        Name = name;
        ElementType = type;
        _min = min;
        _max = max;
    }

    public static IntegerDataType Int8 { get; } = new("int8", ElementType.Int8, sbyte.MinValue, sbyte.MaxValue);
    public static IntegerDataType Int16 { get; } = new("int16", ElementType.Int16, short.MinValue, short.MaxValue);
    public static IntegerDataType Int32 { get; } = new("int32", ElementType.Int32, int.MinValue, int.MaxValue);
    public static IntegerDataType Int64 { get; } = new("int64", ElementType.Int64, long.MinValue, long.MaxValue);
    public static IntegerDataType UInt8 { get; } = new("uint8", ElementType.UInt8, 0, byte.MaxValue);
    public static IntegerDataType UInt16 { get; } = new("uint16", ElementType.UInt16, 0, ushort.MaxValue);
    public static IntegerDataType UInt32 { get; } = new("uint32", ElementType.UInt32, 0, uint.MaxValue);
    public static IntegerDataType UInt64 { get; } = new("uint64", ElementType.UInt64, 0, ulong.MaxValue);

    public override string Name { get; }

    public override ElementType ElementType { get; }

    public override byte[] DefaultFillValue => new byte[ElementType.Size];

    public override byte[] ParseFillValue(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ConformanceException(ZarrRules.FillInteger, location, $"an {Name} fill value must be a JSON number");
        }
        string raw = value.GetRawText();
        if (!JsonNumbers.IsPlainInteger(raw))
        {
            throw new ConformanceException(ZarrRules.FillInteger, location, $"an {Name} fill value must have no fraction or exponent part, not {raw}");
        }
        if (!Int128.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 number) || number < _min || number > _max)
        {
            throw new ConformanceException(ZarrRules.FillInteger, location, $"{raw} is outside the range of {Name}");
        }
        byte[] bytes = new byte[ElementType.Size];
        // Two's complement of the low bytes is the value for signed and unsigned alike.
        ulong bits = (ulong)(number & ulong.MaxValue);
        Span<byte> all = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(all, bits);
        all[..bytes.Length].CopyTo(bytes);
        return bytes;
    }
}
