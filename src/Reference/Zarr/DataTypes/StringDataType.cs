using System.Text;
using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// The registered <c>string</c> extension (zarr-extensions, data-types/string): variable-length
/// UTF-8 text; the fill value is a JSON string.
/// </summary>
public sealed class StringDataType : ZarrDataType
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static StringDataType Instance { get; } = new();

    private StringDataType()
    {
    }

    public override string Name => "string";

    public override ElementType ElementType => ElementType.String;

    public override byte[] DefaultFillValue => [];

    public override byte[] ParseFillValue(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConformanceException(ZarrRules.FillString, location, "a string fill value must be a JSON string");
        }
        try
        {
            return StrictUtf8.GetBytes(value.GetString()!);
        }
        catch (Exception e) when (e is EncoderFallbackException or InvalidOperationException)
        {
            throw new ConformanceException(ZarrRules.FillString, location, "the fill value holds an unpaired surrogate, which UTF-8 cannot encode");
        }
    }
}
