using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Validator.Suite;

/// <summary>
/// Compares the values an adapter printed with a case's expected values, element by element,
/// as the bytes each JSON form denotes under the array's data type (so <c>1e0</c> and
/// <c>1</c>, or float text that rounds to the same float32, agree). Reports the count and
/// the first few differences with their C-order index.
/// </summary>
public static class ValueComparison
{
    private const int Shown = 5;

    /// <summary>A readable account of how the values differ, or null when they agree.</summary>
    public static string? Differences(ZarrDataType type, IReadOnlyList<long> shape, IReadOnlyList<JsonElement> expected, IReadOnlyList<string> actual)
    {
        var lines = new List<string>();
        int differing = 0;
        int common = Math.Min(expected.Count, actual.Count);
        for (int i = 0; i < common; i++)
        {
            byte[] want = type.ParseFillValue(expected[i], "expected");
            string? problem;
            try
            {
                using JsonDocument document = JsonDocument.Parse(actual[i]);
                byte[] got = type.ParseFillValue(document.RootElement, "printed");
                problem = got.AsSpan().SequenceEqual(want) ? null : $"expected {expected[i].GetRawText()}, got {actual[i]}";
            }
            catch (Exception e) when (e is JsonException or ConformanceException)
            {
                problem = $"expected {expected[i].GetRawText()}, got {Quote(actual[i])}, which is not a {type.Name} value";
            }
            if (problem is not null && ++differing <= Shown)
            {
                lines.Add($"  element {i} {Index(i, shape)}: {problem}");
            }
        }
        if (differing > Shown)
        {
            lines.Add($"  ... and {differing - Shown} more");
        }
        if (expected.Count != actual.Count)
        {
            lines.Insert(0, $"printed {actual.Count} values, expected {expected.Count}");
        }
        if (differing > 0)
        {
            lines.Insert(expected.Count != actual.Count ? 1 : 0, $"{differing} of {common} values differ");
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string Quote(string line) => line.Length > 60 ? JsonSerializer.Serialize(line[..60] + "...") : JsonSerializer.Serialize(line);

    /// <summary>The n-d index of a C-order position.</summary>
    private static string Index(long position, IReadOnlyList<long> shape)
    {
        long[] index = new long[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            if (shape[d] > 0)
            {
                index[d] = position % shape[d];
                position /= shape[d];
            }
        }
        return "[" + string.Join(", ", index) + "]";
    }
}
