using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Metadata;

/// <summary>Metadata written canonically, parsed and written again is the same document and the same model.</summary>
public sealed class MetadataRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Gen<JsonNode?> JsonValue(int depth) => depth == 0
        ? Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)b),
            ArbMap.Default.GeneratorFor<long>().Select(n => (JsonNode?)n),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (JsonNode?)f.Get),
            Gen.Elements("", "a", "ü", "日本", "quote\"", "tab\t").Select(s => (JsonNode?)s))
        : Gen.OneOf(
            JsonValue(0),
            JsonValue(depth - 1).ListOf().Select(l => (JsonNode?)new JsonArray([.. l.Take(4)])),
            JsonObject(depth - 1).Select(o => (JsonNode?)o));

    private static Gen<JsonObject> JsonObject(int depth) =>
        Gen.Elements("a", "b", "c d", "ü", "key/with/slash").ListOf()
            .SelectMany(keys => Gen.CollectToArray(keys.Distinct().Take(3).Select(k => JsonValue(depth).Select(v => (k, v)))))
            .Select(pairs => new JsonObject(pairs.Select(p => KeyValuePair.Create(p.k, p.v))));

    private static Gen<ArrayMetadata> Arrays =>
        from type in Generators.DataType
        from shape in Generators.Shape(1000, positive: false)
        from chunk in Gen.CollectToArray(shape.Select(n => Gen.Choose(1, Math.Max(1, n))))
        from chain in Generators.Chain(type, shape.Length)
        from fill in Generators.Element(type)
        from keys in Gen.Elements(ChunkKeyEncoding.Default, ChunkKeyEncoding.Create("default", '.'), ChunkKeyEncoding.V2, ChunkKeyEncoding.Create("v2", '/'))
        from attributes in JsonObject(2)
        from named in ArbMap.Default.GeneratorFor<bool>()
        from names in Gen.CollectToArray(shape.Select(_ => Gen.Elements<string?>(null, "x", "y", "time")))
        from transformers in Gen.Elements<IReadOnlyList<ExtensionObject>?>(null, [], [new ExtensionObject("my.cache", mustUnderstand: false)])
        from extra in ArbMap.Default.GeneratorFor<bool>()
        select new ArrayMetadata([.. shape.Select(n => (long)n)], type, new RegularChunkGrid([.. chunk.Select(n => (long)n)]), chain, fill, keys)
        {
            Attributes = attributes,
            DimensionNames = named ? names : null,
            StorageTransformers = transformers,
            ExtraFields = extra ? new Dictionary<string, JsonNode> { ["my_field"] = new JsonObject { ["must_understand"] = false, ["v"] = 1 } } : new Dictionary<string, JsonNode>(),
        };

    [Test]
    public void Array_metadata_parse_write_parse_is_identity() =>
        Prop.ForAll(Arrays.ToArbitrary(), metadata =>
        {
            byte[] first = metadata.ToJson();
            var parsed = (ArrayMetadata)NodeMetadata.Parse(first, "zarr.json", ZarrOptions.Default);
            byte[] second = parsed.ToJson();
            return first.AsSpan().SequenceEqual(second)
                && parsed.Shape.SequenceEqual(metadata.Shape)
                && parsed.DataType.Name == metadata.DataType.Name
                && parsed.FillValue.AsSpan().SequenceEqual(metadata.FillValue)
                && parsed.ChunkGrid.ChunkShape.SequenceEqual(metadata.ChunkGrid.ChunkShape)
                && parsed.ChunkKeyEncoding.Name == metadata.ChunkKeyEncoding.Name
                && parsed.ChunkKeyEncoding.Separator == metadata.ChunkKeyEncoding.Separator
                && parsed.Codecs.Select(c => c.ToDefinition().ToString()).SequenceEqual(metadata.Codecs.Select(c => c.ToDefinition().ToString()))
                && JsonNode.DeepEquals(parsed.Attributes, metadata.Attributes)
                && (parsed.DimensionNames ?? []).SequenceEqual(metadata.DimensionNames ?? [])
                && parsed.ExtraFields.Count == metadata.ExtraFields.Count;
        }).Check(Config);

    [Test]
    public void Group_metadata_with_consolidated_entries_round_trips() =>
        Prop.ForAll(Arrays.ListOf().Select(l => l.Take(4).ToArray()).ToArbitrary(), arrays =>
        {
            var entries = new Dictionary<string, NodeMetadata>(StringComparer.Ordinal) { ["g"] = new GroupMetadata() };
            for (int i = 0; i < arrays.Length; i++)
            {
                entries[$"g/a{i}"] = arrays[i];
            }
            var group = new GroupMetadata { Attributes = new JsonObject { ["n"] = arrays.Length }, Consolidated = new ConsolidatedMetadata(entries) };
            byte[] first = group.ToJson();
            var parsed = (GroupMetadata)NodeMetadata.Parse(first, "zarr.json", ZarrOptions.Default);
            return first.AsSpan().SequenceEqual(parsed.ToJson()) && parsed.Consolidated!.Metadata.Count == entries.Count;
        }).Check(Config.WithMaxTest(100));

    [Test]
    public void Canonical_documents_put_members_in_the_spec_order()
    {
        var metadata = new ArrayMetadata([2], IntegerDataType.UInt8, new RegularChunkGrid([2]), [BytesCodec.Little]) { Attributes = new JsonObject { ["k"] = 1 } };
        string json = Encoding.UTF8.GetString(metadata.ToJson());
        string[] order = ["zarr_format", "node_type", "shape", "data_type", "chunk_grid", "chunk_key_encoding", "fill_value", "codecs", "attributes"];
        int[] positions = [.. order.Select(m => json.IndexOf($"\"{m}\"", StringComparison.Ordinal))];
        Assert.That(positions, Is.Ordered.And.All.GreaterThanOrEqualTo(0));
    }
}
