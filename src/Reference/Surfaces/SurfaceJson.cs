using System.Text.Json.Nodes;

namespace Conformance.Reference.Surfaces;

/// <summary>Small helpers for the profile's JSON: ordered string pairs and required members.</summary>
internal static class SurfaceJson
{
    /// <summary>Ordered [name, value] pairs: keeps order and repeated names, which an object would not.</summary>
    public static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> entries) =>
        new([.. entries.Select(e => (JsonNode?)new JsonArray(JsonValue.Create(e.Key), JsonValue.Create(e.Value)))]);

    /// <summary>The pairs as an object for readers of the surface (a later repeated name wins).</summary>
    public static JsonObject Object(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var result = new JsonObject();
        foreach (KeyValuePair<string, string> e in entries)
        {
            result[e.Key] = e.Value;
        }
        return result;
    }

    public static IEnumerable<KeyValuePair<string, string>> ReadPairs(JsonNode? node) =>
        node is JsonArray pairs
            ? pairs.Select(p => new KeyValuePair<string, string>((string)p![0]!, (string)p[1]!))
            : [];

    public static string String(JsonObject json, string name) =>
        (string?)json[name] ?? throw new ConformanceException("SURF-ZARR-001", "zarr.json", $"surface.source.{name} is missing");

    public static T Value<T>(JsonObject json, string name) =>
        json[name] is JsonNode node ? node.GetValue<T>() : throw new ConformanceException("SURF-ZARR-001", "zarr.json", $"surface.source.{name} is missing");

    /// <summary>
    /// A double as JSON: a number when finite, else "NaN", "Infinity" or "-Infinity" (the
    /// spelling Zarr v3 uses for such fill values), since JSON numbers cannot hold them.
    /// </summary>
    public static JsonNode Number(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    public static double Double(JsonNode? node) => node!.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? (string)node! switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            string other => throw new ConformanceException("SURF-ZARR-001", "zarr.json", $"\"{other}\" is not a number"),
        }
        : node.GetValue<double>();

    /// <summary>A name usable as one Zarr node name: not empty, no '/', not starting with "__" or '.'.</summary>
    public static bool IsNodeName(string name) =>
        name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) && !name.StartsWith("__", StringComparison.Ordinal)
        && name.Any(c => c != '.');
}
