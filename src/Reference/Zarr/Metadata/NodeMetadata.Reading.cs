using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Zarr.Metadata;

public abstract partial class NodeMetadata
{
    /// <summary>Parses a <c>zarr.json</c> document read from the store key <paramref name="key"/>.</summary>
    public static NodeMetadata Parse(ReadOnlyMemory<byte> json, string key, ZarrOptions options)
    {
        using JsonDocument document = MetadataJson.Parse(json, key);
        return Parse(document.RootElement, key + "#", options);
    }

    /// <summary>Parses a metadata object; <paramref name="location"/> ends in a JSON pointer (e.g. <c>zarr.json#</c>).</summary>
    public static NodeMetadata Parse(JsonElement root, string location, ZarrOptions options) =>
        Parse(root, location, options, MetadataProblems.Throwing)!;

    /// <summary>
    /// Checks a <c>zarr.json</c> document without stopping at the first problem: every problem
    /// that can be found on its own is added to <paramref name="problems"/>, and the metadata is
    /// returned only when there is none.
    /// </summary>
    public static NodeMetadata? Check(ReadOnlyMemory<byte> json, string key, ZarrOptions options, List<ConformanceException> problems)
    {
        try
        {
            using JsonDocument document = MetadataJson.Parse(json, key);
            return Parse(document.RootElement, key + "#", options, new MetadataProblems(problems));
        }
        catch (ConformanceException e)
        {
            problems.Add(e);
            return null;
        }
    }

    private static NodeMetadata? Parse(JsonElement root, string location, ZarrOptions options, MetadataProblems problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceException(ZarrRules.MetadataJson, location, $"a metadata document is a JSON object, not {root.ValueKind}");
        }
        if (!root.TryGetProperty("zarr_format", out JsonElement format))
        {
            throw new ConformanceException(ZarrRules.ZarrFormat, location, "zarr_format is missing");
        }
        if (format.ValueKind != JsonValueKind.Number || !JsonNumbers.IsPlainInteger(format) || !format.TryGetInt32(out int version) || version != 3)
        {
            throw new ConformanceException(ZarrRules.ZarrFormat, location + "/zarr_format", $"zarr_format must be 3, not {format.GetRawText()}",
                JsonNumbers.IsPlainInteger(format) ? Outcome.Unsupported : Outcome.Invalid);
        }
        if (!root.TryGetProperty("node_type", out JsonElement nodeType))
        {
            throw new ConformanceException(ZarrRules.NodeType, location, "node_type is missing");
        }
        string? type = nodeType.ValueKind == JsonValueKind.String ? nodeType.GetString() : null;
        return type switch
        {
            "array" => ArrayMetadata.ParseArray(root, location, options, problems),
            "group" => GroupMetadata.ParseGroup(root, location, options, problems),
            _ => throw new ConformanceException(ZarrRules.NodeType, location + "/node_type", $"node_type must be \"array\" or \"group\", not {nodeType.GetRawText()}"),
        };
    }

    private protected static JsonObject ParseAttributes(JsonElement value, string location) =>
        value.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(value.Clone())!
            : throw new ConformanceException(ZarrRules.Attributes, location, "attributes must be a JSON object");

    /// <summary>
    /// A member the implementation does not know: ignorable only when its value is an object
    /// saying <c>"must_understand": false</c> (core spec, "must_understand").
    /// </summary>
    private protected static JsonNode ParseUnknownField(JsonProperty member, string location)
    {
        if (member.Value.ValueKind == JsonValueKind.Object
            && member.Value.TryGetProperty("must_understand", out JsonElement flag)
            && flag.ValueKind == JsonValueKind.False)
        {
            return JsonNode.Parse(member.Value.GetRawText())!;
        }
        throw new ConformanceException(ZarrRules.UnknownField, location + "/" + JsonPointer.Escape(member.Name),
            $"unknown member '{member.Name}' without \"must_understand\": false", Outcome.Unsupported);
    }
}
