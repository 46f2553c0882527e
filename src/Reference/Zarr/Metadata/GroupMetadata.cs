using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>Group metadata (core spec, "Group metadata"), with optional consolidated metadata ("Additional fields").</summary>
public sealed class GroupMetadata : NodeMetadata
{
    public override string NodeType => "group";

    /// <summary>The <c>consolidated_metadata</c> member, or null when absent.</summary>
    public ConsolidatedMetadata? Consolidated { get; init; }

    /// <summary>
    /// True when the document held <c>"consolidated_metadata": null</c>, which zarr-python 3
    /// writes although the spec requires an object when the member is present. Read as absent;
    /// kept so the validator can report it and a rewrite keeps it.
    /// </summary>
    public bool ConsolidatedIsNull { get; init; }

    /// <summary>The group's metadata, or null when <paramref name="problems"/> collected what is wrong with it.</summary>
    internal static GroupMetadata? ParseGroup(JsonElement root, string location, ZarrOptions options, MetadataProblems problems)
    {
        JsonObject? attributes = [];
        ConsolidatedMetadata? consolidated = null;
        bool consolidatedIsNull = false;
        var extra = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (JsonProperty member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case "zarr_format" or "node_type":
                    break;
                case "attributes":
                    attributes = problems.Try(() => ParseAttributes(member.Value, location + "/attributes"));
                    break;
                case "consolidated_metadata" when member.Value.ValueKind == JsonValueKind.Null:
                    consolidatedIsNull = true;
                    break;
                case "consolidated_metadata":
                    consolidated = problems.Try(() => ConsolidatedMetadata.Parse(member.Value, location + "/consolidated_metadata", options));
                    break;
                default:
                    if (problems.Try(() => ParseUnknownField(member, location)) is JsonNode node)
                    {
                        extra[member.Name] = node;
                    }
                    break;
            }
        }
        if (problems.Any || attributes is null)
        {
            return null;
        }
        return new GroupMetadata
        {
            Attributes = attributes,
            Consolidated = consolidated,
            ConsolidatedIsNull = consolidatedIsNull,
            ExtraFields = extra,
        };
    }

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("zarr_format", 3);
        writer.WriteString("node_type", "group");
        WriteCommonTail(writer);
        if (Consolidated is not null)
        {
            writer.WritePropertyName("consolidated_metadata");
            Consolidated.WriteTo(writer);
        }
        else if (ConsolidatedIsNull)
        {
            writer.WriteNull("consolidated_metadata");
        }
        WriteExtraFields(writer);
        writer.WriteEndObject();
    }
}
