using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Metadata;

/// <summary>Builds metadata documents from a valid base by editing members.</summary>
internal static class MetadataText
{
    public const string Array = """
        {
          "zarr_format": 3,
          "node_type": "array",
          "shape": [4, 6],
          "data_type": "int16",
          "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 3]}},
          "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
          "fill_value": 0,
          "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]
        }
        """;

    public const string Group = """{"zarr_format": 3, "node_type": "group"}""";

    /// <summary><paramref name="baseJson"/> after <paramref name="edit"/> has set or removed members.</summary>
    public static string Edit(string baseJson, Action<JsonObject> edit)
    {
        JsonObject document = JsonNode.Parse(baseJson)!.AsObject();
        edit(document);
        return document.ToJsonString();
    }

    public static NodeMetadata Parse(string json, ZarrOptions? options = null) =>
        NodeMetadata.Parse(Encoding.UTF8.GetBytes(json), "zarr.json", options ?? ZarrOptions.Default);
}
