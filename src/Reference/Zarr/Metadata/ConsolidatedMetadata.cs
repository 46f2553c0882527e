using System.Text.Json;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// A group's <c>consolidated_metadata</c> (core spec, "Additional fields"):
/// <c>{"must_understand": false, "kind": "inline", "metadata": {…}}</c>, where <c>metadata</c>
/// maps paths relative to the group ("a", "a/b") to the metadata documents of its descendants.
/// </summary>
public sealed class ConsolidatedMetadata
{
    public ConsolidatedMetadata(IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        Metadata = metadata;
    }

    /// <summary>Descendants' metadata by path relative to the group.</summary>
    public IReadOnlyDictionary<string, NodeMetadata> Metadata { get; }

    public static ConsolidatedMetadata Parse(JsonElement value, string location, ZarrOptions options)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceException(ZarrRules.ConsolidatedMetadata, location, "consolidated_metadata must be an object");
        }
        bool sawMustUnderstand = false;
        bool sawKind = false;
        Dictionary<string, NodeMetadata>? metadata = null;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            string at = location + "/" + JsonPointer.Escape(member.Name);
            switch (member.Name)
            {
                case "must_understand":
                    sawMustUnderstand = member.Value.ValueKind == JsonValueKind.False
                        ? true
                        : throw new ConformanceException(ZarrRules.ConsolidatedMetadata, at, "consolidated_metadata must say \"must_understand\": false");
                    break;
                case "kind":
                    sawKind = member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() == "inline"
                        ? true
                        : throw new ConformanceException(ZarrRules.ConsolidatedMetadata, at, $"consolidated_metadata kind must be \"inline\", not {member.Value.GetRawText()}");
                    break;
                case "metadata":
                    if (member.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new ConformanceException(ZarrRules.ConsolidatedMetadata, at, "consolidated metadata must be an object of metadata documents");
                    }
                    metadata = new Dictionary<string, NodeMetadata>(StringComparer.Ordinal);
                    foreach (JsonProperty entry in member.Value.EnumerateObject())
                    {
                        string entryAt = at + "/" + JsonPointer.Escape(entry.Name);
                        string path = NodeName.CheckPath(entry.Name);
                        if (path == "/" || entry.Name.StartsWith('/'))
                        {
                            throw new ConformanceException(ZarrRules.ConsolidatedMetadata, entryAt, $"'{entry.Name}' is not a relative node path");
                        }
                        metadata[entry.Name] = NodeMetadata.Parse(entry.Value, entryAt, options);
                    }
                    break;
                default:
                    throw new ConformanceException(ZarrRules.ConsolidatedMetadata, at, $"consolidated_metadata has no member '{member.Name}'");
            }
        }
        if (!sawMustUnderstand || !sawKind || metadata is null)
        {
            throw new ConformanceException(ZarrRules.ConsolidatedMetadata, location, "consolidated_metadata needs must_understand, kind and metadata");
        }
        return new ConsolidatedMetadata(metadata);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "inline");
        writer.WriteBoolean("must_understand", false);
        writer.WriteStartObject("metadata");
        foreach ((string path, NodeMetadata node) in Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(path);
            node.WriteTo(writer);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
