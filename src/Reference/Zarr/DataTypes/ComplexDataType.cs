using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// <c>complex64</c>, <c>complex128</c>: real then imaginary part. The fill value is a
/// two-element array, each element in the float form (core spec, "Permitted fill values").
/// </summary>
public sealed class ComplexDataType : ZarrDataType
{
    private ComplexDataType(string name, ElementType type)
    {
        Name = name;
        ElementType = type;
    }

    public static ComplexDataType Complex64 { get; } = new("complex64", ElementType.Complex64);
    public static ComplexDataType Complex128 { get; } = new("complex128", ElementType.Complex128);

    public override string Name { get; }

    public override ElementType ElementType { get; }

    public override byte[] DefaultFillValue => new byte[ElementType.Size];

    public override byte[] ParseFillValue(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
        {
            throw new ConformanceException(ZarrRules.FillComplex, location, $"a {Name} fill value must be a two-element array");
        }
        byte[] bytes = new byte[ElementType.Size];
        int half = ElementType.Size / 2;
        FloatDataType.ParseFloat(value[0], bytes.AsSpan(0, half), location + "/0", ZarrRules.FillComplex);
        FloatDataType.ParseFloat(value[1], bytes.AsSpan(half, half), location + "/1", ZarrRules.FillComplex);
        return bytes;
    }
}
