using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>
/// Type tests over attribute JSON that never throw: OME metadata arrives as user attributes, so
/// a wrong type is a finding, not an exception.
/// </summary>
internal static class OmeJson
{
    public static bool IsString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out string? s))
        {
            value = s;
            return true;
        }
        value = "";
        return false;
    }

    public static bool IsNumber(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An integral JSON number (1.0 counts, as in JSON Schema's "integer").</summary>
    public static bool IsInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!IsNumber(node, out double d) || Math.Floor(d) != d || Math.Abs(d) > 9.007199254740992E15)
        {
            return false;
        }
        value = (long)d;
        return true;
    }

    /// <summary>Letters and digits only, non-empty: the plate and well path components (plate-md, well-md).</summary>
    public static bool IsAlphanumeric(string text) => text.Length > 0 && text.All(char.IsAsciiLetterOrDigit);

    /// <summary>A short description of what a node is, for messages.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "missing or null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    /// <summary>A JSON pointer one step below <paramref name="pointer"/>.</summary>
    public static string Child(string pointer, string name) => pointer + "/" + Conformance.Reference.Zarr.Metadata.JsonPointer.Escape(name);

    public static string Child(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
}
