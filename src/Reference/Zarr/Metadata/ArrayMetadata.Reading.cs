using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Metadata;

public sealed partial class ArrayMetadata
{
    /// <summary>The array's metadata, or null when <paramref name="problems"/> collected what is wrong with it.</summary>
    internal static ArrayMetadata? ParseArray(JsonElement root, string location, ZarrOptions options, MetadataProblems problems)
    {
        string At(string member) => location + "/" + member;
        JsonElement? Required(string member, string rule)
        {
            if (root.TryGetProperty(member, out JsonElement value))
            {
                return value;
            }
            problems.Report(new ConformanceException(rule, location, $"array metadata needs '{member}'"));
            return null;
        }

        long[]? shape = Required("shape", ZarrRules.Shape) is JsonElement shapeElement
            ? problems.Try(() => ParseShape(shapeElement, At("shape")))
            : null;
        ZarrDataType? dataType = Required("data_type", ZarrRules.DataTypeField) is JsonElement typeElement
            ? problems.Try(() => options.DataTypes.Resolve(ExtensionObject.Parse(typeElement, At("data_type")), At("data_type")))
            : null;
        RegularChunkGrid? grid = Required("chunk_grid", ZarrRules.ChunkGridField) is JsonElement gridElement && shape is not null
            ? problems.Try(() => RegularChunkGrid.Parse(ExtensionObject.Parse(gridElement, At("chunk_grid")), shape.Length, At("chunk_grid")))
            : null;
        ChunkKeyEncoding? keys = Required("chunk_key_encoding", ZarrRules.ChunkKeyEncodingField) is JsonElement keysElement
            ? problems.Try(() => ChunkKeyEncoding.Parse(ExtensionObject.Parse(keysElement, At("chunk_key_encoding")), At("chunk_key_encoding")))
            : null;
        byte[]? fill = Required("fill_value", ZarrRules.FillValueField) is JsonElement fillElement && dataType is not null
            ? problems.Try(() => dataType.ParseFillValue(fillElement, At("fill_value")))
            : null;
        List<ICodec>? codecs = Required("codecs", ZarrRules.CodecsField) is JsonElement codecsElement
            ? ParseCodecs(codecsElement, At("codecs"), options, problems)
            : null;
        if (dataType is not null && grid is not null && codecs is not null)
        {
            // Core spec, "Determination of encoded representations": a chain that cannot carry
            // this data type and chunk shape is an error when the array is opened.
            problems.Try(() => CodecPipeline.Build(codecs, new ArrayRepresentation(dataType, grid.ChunkShape), At("codecs"), options.MaxChunkBytes));
        }

        JsonObject? attributes = [];
        List<ExtensionObject>? transformers = null;
        List<string?>? dimensionNames = null;
        var extra = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (JsonProperty member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case "zarr_format" or "node_type" or "shape" or "data_type" or "chunk_grid" or "chunk_key_encoding" or "fill_value" or "codecs":
                    break;
                case "attributes":
                    attributes = problems.Try(() => ParseAttributes(member.Value, At("attributes")));
                    break;
                case "storage_transformers":
                    transformers = problems.Try(() => ParseStorageTransformers(member.Value, At("storage_transformers")));
                    break;
                case "dimension_names" when shape is not null:
                    dimensionNames = problems.Try(() => ParseDimensionNames(member.Value, shape.Length, At("dimension_names")));
                    break;
                case "dimension_names":
                    break;
                default:
                    if (problems.Try(() => ParseUnknownField(member, location)) is JsonNode node)
                    {
                        extra[member.Name] = node;
                    }
                    break;
            }
        }
        if (problems.Any || shape is null || dataType is null || grid is null || codecs is null || fill is null || keys is null || attributes is null)
        {
            return null;
        }
        return new ArrayMetadata(shape, dataType, grid, codecs, fill, keys)
        {
            Attributes = attributes,
            StorageTransformers = transformers,
            DimensionNames = dimensionNames,
            ExtraFields = extra,
        };
    }

    /// <summary>Each codec on its own, so one unknown codec does not hide a broken configuration of another.</summary>
    private static List<ICodec>? ParseCodecs(JsonElement value, string location, ZarrOptions options, MetadataProblems problems)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Report(new ConformanceException(ZarrRules.CodecsField, location, "codecs must be a non-empty array"));
            return null;
        }
        var codecs = new List<ICodec>();
        bool complete = true;
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string at = location + "/" + i++;
            if (problems.Try(() => options.Codecs.Resolve(ExtensionObject.Parse(item, at), at)) is ICodec codec)
            {
                codecs.Add(codec);
            }
            else
            {
                complete = false;
            }
        }
        return complete ? codecs : null;
    }

    private static long[] ParseShape(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ConformanceException(ZarrRules.Shape, location, "shape must be an array of integers");
        }
        long[] shape = new long[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string at = location + "/" + i;
            if (item.ValueKind != JsonValueKind.Number || !JsonNumbers.IsPlainInteger(item))
            {
                throw new ConformanceException(ZarrRules.Shape, at, $"dimension lengths are integers, not {item.GetRawText()}");
            }
            if (!item.TryGetInt64(out shape[i]))
            {
                throw new ConformanceException(ZarrRules.Shape, at, $"dimension length {item.GetRawText()} is beyond what we support", Outcome.Unsupported);
            }
            if (shape[i] < 0)
            {
                throw new ConformanceException(ZarrRules.Shape, at, $"dimension length {shape[i]} is negative");
            }
            i++;
        }
        return shape;
    }

    private static List<ExtensionObject> ParseStorageTransformers(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ConformanceException(ZarrRules.StorageTransformersField, location, "storage_transformers must be an array");
        }
        var transformers = new List<ExtensionObject>();
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string at = location + "/" + i++;
            ExtensionObject transformer = ExtensionObject.Parse(item, at);
            // No storage transformer is defined by the core spec and we implement none, so only
            // those that may be ignored can be opened.
            if (transformer.MustUnderstand)
            {
                throw new ConformanceException(ZarrRules.UnknownStorageTransformer, at, $"storage transformer '{transformer.Name}' is not supported", Outcome.Unsupported);
            }
            transformers.Add(transformer);
        }
        return transformers;
    }

    private static List<string?> ParseDimensionNames(JsonElement value, int rank, string location)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != rank)
        {
            throw new ConformanceException(ZarrRules.DimensionNames, location, $"dimension_names must be an array of {rank} strings or nulls");
        }
        var names = new List<string?>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            names.Add(item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Null => null,
                _ => throw new ConformanceException(ZarrRules.DimensionNames, location + "/" + names.Count, "each dimension name is a string or null"),
            });
        }
        return names;
    }
}
