using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Metadata;

public sealed partial class ArrayMetadata
{
    internal static ArrayMetadata ParseArray(JsonElement root, string location, ZarrOptions options)
    {
        string At(string member) => location + "/" + member;
        JsonElement Required(string member, string rule) => root.TryGetProperty(member, out JsonElement value)
            ? value
            : throw new ConformanceException(rule, location, $"array metadata needs '{member}'");

        long[] shape = ParseShape(Required("shape", ZarrRules.Shape), At("shape"));
        ZarrDataType dataType = options.DataTypes.Resolve(
            ExtensionObject.Parse(Required("data_type", ZarrRules.DataTypeField), At("data_type")), At("data_type"));
        RegularChunkGrid grid = RegularChunkGrid.Parse(
            ExtensionObject.Parse(Required("chunk_grid", ZarrRules.ChunkGridField), At("chunk_grid")), shape.Length, At("chunk_grid"));
        ChunkKeyEncoding keys = ChunkKeyEncoding.Parse(
            ExtensionObject.Parse(Required("chunk_key_encoding", ZarrRules.ChunkKeyEncodingField), At("chunk_key_encoding")), At("chunk_key_encoding"));
        byte[] fill = dataType.ParseFillValue(Required("fill_value", ZarrRules.FillValueField), At("fill_value"));
        JsonElement codecsElement = Required("codecs", ZarrRules.CodecsField);
        if (codecsElement.ValueKind != JsonValueKind.Array || codecsElement.GetArrayLength() == 0)
        {
            throw new ConformanceException(ZarrRules.CodecsField, At("codecs"), "codecs must be a non-empty array");
        }
        var codecs = new List<ICodec>();
        int i = 0;
        foreach (JsonElement item in codecsElement.EnumerateArray())
        {
            string at = At("codecs/" + i++);
            codecs.Add(options.Codecs.Resolve(ExtensionObject.Parse(item, at), at));
        }
        // Core spec, "Determination of encoded representations": a chain that cannot carry
        // this data type and chunk shape is an error when the array is opened.
        CodecPipeline.Build(codecs, new ArrayRepresentation(dataType, grid.ChunkShape), At("codecs"), options.MaxChunkBytes);

        JsonObject attributes = [];
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
                    attributes = ParseAttributes(member.Value, At("attributes"));
                    break;
                case "storage_transformers":
                    transformers = ParseStorageTransformers(member.Value, At("storage_transformers"));
                    break;
                case "dimension_names":
                    dimensionNames = ParseDimensionNames(member.Value, shape.Length, At("dimension_names"));
                    break;
                default:
                    extra[member.Name] = ParseUnknownField(member, location);
                    break;
            }
        }
        return new ArrayMetadata(shape, dataType, grid, codecs, fill, keys)
        {
            Attributes = attributes,
            StorageTransformers = transformers,
            DimensionNames = dimensionNames,
            ExtraFields = extra,
        };
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
