using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// The registered <c>bytes</c> extension (zarr-extensions, data-types/bytes): variable-length
/// byte strings; the fill value is an array of byte values or a base64 string.
/// </summary>
public sealed class BytesDataType : ZarrDataType
{
    public static BytesDataType Instance { get; } = new();

    private BytesDataType()
    {
    }

    public override string Name => "bytes";

    public override ElementType ElementType => ElementType.Bytes;

    public override byte[] DefaultFillValue => [];

    public override byte[] ParseFillValue(JsonElement value, string location)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return Convert.FromBase64String(value.GetString()!);
            }
            catch (FormatException)
            {
                throw new ConformanceException(ZarrRules.FillBytes, location, "a string fill value of type bytes must be base64");
            }
        }
        return ByteList.Parse(value, null, location, ZarrRules.FillBytes)
            ?? throw new ConformanceException(ZarrRules.FillBytes, location, "a bytes fill value must be an array of integers in [0, 255] or a base64 string");
    }
}
