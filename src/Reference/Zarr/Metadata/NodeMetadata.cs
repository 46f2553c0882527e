using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// A parsed <c>zarr.json</c> (core spec, "Metadata"): an <see cref="ArrayMetadata"/> or a
/// <see cref="GroupMetadata"/>.
/// </summary>
public abstract partial class NodeMetadata
{
    /// <summary><c>array</c> or <c>group</c>.</summary>
    public abstract string NodeType { get; }

    /// <summary>User attributes; empty when the document has none.</summary>
    public JsonObject Attributes { get; init; } = [];

    /// <summary>
    /// Members this implementation does not know that the document marked
    /// <c>"must_understand": false</c>; kept so the document is written back whole.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode> ExtraFields { get; init; } = new Dictionary<string, JsonNode>();

    /// <summary>The canonical document: fixed member order, two-space indent, UTF-8.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, MetadataJson.WriterOptions))
        {
            WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public abstract void WriteTo(Utf8JsonWriter writer);

    private protected void WriteCommonTail(Utf8JsonWriter writer)
    {
        if (Attributes.Count > 0)
        {
            writer.WritePropertyName("attributes");
            Attributes.WriteTo(writer);
        }
    }

    private protected void WriteExtraFields(Utf8JsonWriter writer)
    {
        foreach ((string name, JsonNode value) in ExtraFields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}
