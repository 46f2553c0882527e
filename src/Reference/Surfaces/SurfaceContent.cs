using System.Text.Json.Nodes;

namespace Conformance.Reference.Surfaces;

/// <summary>
/// A surface as the profile lays it out (spec/surface-zarr/README.md): the group's
/// <c>surface</c> attribute and its arrays, in the order a converter writes them back.
/// </summary>
public sealed class SurfaceContent
{
    /// <summary>The value of the group attribute <c>surface</c>.</summary>
    public JsonObject Surface { get; init; } = [];

    public List<SurfaceArray> Arrays { get; } = [];

    /// <summary>The array at <paramref name="path"/>, or null.</summary>
    public SurfaceArray? Find(string path) => Arrays.FirstOrDefault(a => a.Path == path);

    /// <summary>The <c>source</c> object, or an empty one when the surface has none.</summary>
    public JsonObject Source => Surface["source"] as JsonObject ?? [];

    /// <summary>
    /// Fills <c>coordinates</c> and <c>data</c> of the group attribute from the arrays, in
    /// their order (SURF-ZARR-002).
    /// </summary>
    public void ListArrays()
    {
        Surface["coordinates"] = new JsonArray([.. Arrays.Where(a => a.Path.StartsWith("coordinates/", StringComparison.Ordinal)).Select(a => (JsonNode?)JsonValue.Create(a.Path["coordinates/".Length..]))]);
        Surface["data"] = new JsonArray([.. Arrays.Where(a => a.Path.StartsWith("data/", StringComparison.Ordinal)).Select(a => (JsonNode?)JsonValue.Create(a.Path["data/".Length..]))]);
    }
}
