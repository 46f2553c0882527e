using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary><c>bool</c>: one byte, 0 or 1; the fill value is a JSON boolean.</summary>
public sealed class BoolDataType : ZarrDataType
{
    public static BoolDataType Instance { get; } = new();

    private BoolDataType()
    {
    }

    public override string Name => "bool";

    public override ElementType ElementType => ElementType.Bool;

    public override byte[] DefaultFillValue => [0];

    public override byte[] ParseFillValue(JsonElement value, string location) => value.ValueKind switch
    {
        JsonValueKind.True => [1],
        JsonValueKind.False => [0],
        _ => throw new ConformanceException(ZarrRules.FillBool, location, "a bool fill value must be true or false"),
    };
}
