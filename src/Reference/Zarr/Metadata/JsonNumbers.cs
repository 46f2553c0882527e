using System.Text.Json;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>Checks on the raw text of JSON numbers, which parsed values would hide.</summary>
public static class JsonNumbers
{
    /// <summary>True when the number is written with no fraction and no exponent part.</summary>
    public static bool IsPlainInteger(JsonElement number) =>
        number.ValueKind == JsonValueKind.Number && IsPlainInteger(number.GetRawText());

    public static bool IsPlainInteger(ReadOnlySpan<char> raw) => raw.IndexOfAny('.', 'e', 'E') < 0;
}
