using System.Text.Json;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>The JSON array-of-byte-values form shared by raw and bytes fill values.</summary>
internal static class ByteList
{
    /// <summary>The bytes, or null when <paramref name="value"/> is not such an array (of <paramref name="length"/> items when given).</summary>
    public static byte[]? Parse(JsonElement value, int? length, string location, string rule)
    {
        if (value.ValueKind != JsonValueKind.Array || (length is int n && value.GetArrayLength() != n))
        {
            return null;
        }
        byte[] bytes = new byte[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !JsonNumbers.IsPlainInteger(item) || !item.TryGetByte(out bytes[i]))
            {
                throw new ConformanceException(rule, $"{location}/{i}", "each byte must be an integer in [0, 255]");
            }
            i++;
        }
        return bytes;
    }
}
