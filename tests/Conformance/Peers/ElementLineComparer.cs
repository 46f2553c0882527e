using System.Text.Json;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Tests.Peers;

/// <summary>
/// Compares two `cat`-style outputs (one JSON element per line) as values of a data type, not
/// as text: "0.1" and "0.10000000149011612" are the same float32.
/// </summary>
public static class ElementLineComparer
{
    /// <summary>Describes the first difference, or returns null when the outputs hold the same values.</summary>
    public static string? FirstDifference(ZarrDataType type, string ours, string theirs)
    {
        string[] a = Lines(ours);
        string[] b = Lines(theirs);
        if (a.Length != b.Length)
        {
            return $"{a.Length} elements here, {b.Length} from the peer";
        }
        for (int i = 0; i < a.Length; i++)
        {
            byte[] x = Parse(type, a[i]);
            byte[] y = Parse(type, b[i]);
            // A peer that prints every NaN as "NaN" cannot show payloads; any NaN matches it.
            bool bothNaN = b[i] == "\"NaN\"" && IsNaN(type, x);
            if (!x.AsSpan().SequenceEqual(y) && !bothNaN)
            {
                return $"element {i}: {a[i]} here, {b[i]} from the peer";
            }
        }
        return null;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static byte[] Parse(ZarrDataType type, string line)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        return type.ParseFillValue(document.RootElement, line);
    }

    private static bool IsNaN(ZarrDataType type, byte[] value) =>
        type.ElementType.Kind is ElementKind.Float16 or ElementKind.Float32 or ElementKind.Float64
        && FloatBits.SpecialName(value) is string name && name != "Infinity" && name != "-Infinity";
}
