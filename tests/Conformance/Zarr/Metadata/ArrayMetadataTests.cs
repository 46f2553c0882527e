using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Metadata;

/// <summary>Core spec, "Array metadata" and "Group metadata": mandatory and optional members.</summary>
public sealed class ArrayMetadataTests
{
    private static ConformanceException Refused(string json) =>
        Assert.Throws<ConformanceException>(() => MetadataText.Parse(json))!;

    [Test]
    public void The_base_document_parses()
    {
        var metadata = (ArrayMetadata)MetadataText.Parse(MetadataText.Array);
        Assert.That(metadata.Shape, Is.EqualTo(new long[] { 4, 6 }));
        Assert.That(metadata.DataType.Name, Is.EqualTo("int16"));
        Assert.That(metadata.ChunkGrid.ChunkShape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(metadata.Codecs.Single(), Is.InstanceOf<BytesCodec>());
    }

    [TestCase("zarr_format", ZarrRules.ZarrFormat)]
    [TestCase("node_type", ZarrRules.NodeType)]
    [TestCase("shape", ZarrRules.Shape)]
    [TestCase("data_type", ZarrRules.DataTypeField)]
    [TestCase("chunk_grid", ZarrRules.ChunkGridField)]
    [TestCase("chunk_key_encoding", ZarrRules.ChunkKeyEncodingField)]
    [TestCase("fill_value", ZarrRules.FillValueField)]
    [TestCase("codecs", ZarrRules.CodecsField)]
    public void Every_mandatory_member_is_required(string member, string rule) =>
        Assert.That(Refused(MetadataText.Edit(MetadataText.Array, d => d.Remove(member))).RuleId, Is.EqualTo(rule));

    [TestCase("zarr_format", "2", ZarrRules.ZarrFormat, Outcome.Unsupported)]
    [TestCase("zarr_format", "\"3\"", ZarrRules.ZarrFormat, Outcome.Invalid)]
    [TestCase("zarr_format", "3.0", ZarrRules.ZarrFormat, Outcome.Invalid)]
    [TestCase("node_type", "\"Array\"", ZarrRules.NodeType, Outcome.Invalid)]
    [TestCase("shape", "[4, -6]", ZarrRules.Shape, Outcome.Invalid)]
    [TestCase("shape", "[4, 6.0]", ZarrRules.Shape, Outcome.Invalid)]
    [TestCase("shape", "[4, 1e400]", ZarrRules.Shape, Outcome.Invalid)]
    [TestCase("shape", "[4, 18446744073709551616]", ZarrRules.Shape, Outcome.Unsupported)]
    [TestCase("shape", "4", ZarrRules.Shape, Outcome.Invalid)]
    [TestCase("data_type", "\"int17\"", ZarrRules.UnknownDataType, Outcome.Unsupported)]
    [TestCase("data_type", "\"r7\"", ZarrRules.RawDataType, Outcome.Invalid)]
    [TestCase("data_type", "\"r0\"", ZarrRules.RawDataType, Outcome.Invalid)]
    [TestCase("data_type", "{\"name\": \"int16\", \"configuration\": {\"x\": 1}}", ZarrRules.DataTypeConfiguration, Outcome.Invalid)]
    [TestCase("chunk_grid", "{\"name\": \"rectilinear\", \"configuration\": {}}", ZarrRules.UnknownChunkGrid, Outcome.Unsupported)]
    [TestCase("chunk_grid", "{\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2]}}", ZarrRules.RegularChunkShape, Outcome.Invalid)]
    [TestCase("chunk_grid", "{\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2, 0]}}", ZarrRules.RegularChunkShape, Outcome.Invalid)]
    [TestCase("chunk_grid", "{\"name\": \"regular\"}", ZarrRules.RegularChunkShape, Outcome.Invalid)]
    [TestCase("chunk_key_encoding", "{\"name\": \"v3\"}", ZarrRules.UnknownChunkKeyEncoding, Outcome.Unsupported)]
    [TestCase("chunk_key_encoding", "{\"name\": \"default\", \"configuration\": {\"separator\": \"-\"}}", ZarrRules.KeySeparator, Outcome.Invalid)]
    [TestCase("codecs", "[]", ZarrRules.CodecsField, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"gzip\", \"configuration\": {\"level\": 1}}]", ZarrRules.CodecOrder, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"gzip\", \"configuration\": {\"level\": 1}}, {\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}]", ZarrRules.CodecOrder, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"transpose\", \"configuration\": {\"order\": [1, 0]}}]", ZarrRules.CodecOrder, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"bytes\", \"configuration\": {\"endian\": \"big\"}}]", ZarrRules.CodecOrder, Outcome.Invalid)]
    [TestCase("codecs", "[\"bytes\"]", ZarrRules.BytesEndian, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"middle\"}}]", ZarrRules.BytesEndian, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"transpose\", \"configuration\": {\"order\": [0, 0]}}, \"bytes\"]", ZarrRules.TransposeOrder, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"transpose\", \"configuration\": {\"order\": [0, 1, 2]}}, {\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}]", ZarrRules.TransposeOrder, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"gzip\", \"configuration\": {\"level\": 10}}]", ZarrRules.GzipLevel, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"gzip\"}]", ZarrRules.GzipLevel, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"gzip\", \"configuration\": {\"level\": 1, \"extra\": 2}}]", ZarrRules.GzipLevel, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"zstd\", \"configuration\": {\"level\": 23}}]", ZarrRules.ZstdConfiguration, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"crc32c\", \"configuration\": {\"x\": 1}}]", ZarrRules.Crc32cConfiguration, Outcome.Invalid)]
    [TestCase("codecs", "[\"vlen-utf8\"]", ZarrRules.CodecRepresentation, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"lzma\"}]", ZarrRules.UnknownCodec, Outcome.Unsupported)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}, \"extra\": 1}]", ZarrRules.ExtensionDefinition, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"Bytes\"}]", ZarrRules.ExtensionName, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"foo:bar\"}]", ZarrRules.ExtensionName, Outcome.Invalid)]
    [TestCase("codecs", "[{\"configuration\": {}}]", ZarrRules.ExtensionDefinition, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": [1]}]", ZarrRules.ExtensionDefinition, Outcome.Invalid)]
    [TestCase("codecs", "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}, \"must_understand\": \"no\"}]", ZarrRules.ExtensionDefinition, Outcome.Invalid)]
    [TestCase("attributes", "[]", ZarrRules.Attributes, Outcome.Invalid)]
    [TestCase("dimension_names", "[\"x\"]", ZarrRules.DimensionNames, Outcome.Invalid)]
    [TestCase("dimension_names", "[\"x\", 1]", ZarrRules.DimensionNames, Outcome.Invalid)]
    [TestCase("storage_transformers", "{}", ZarrRules.StorageTransformersField, Outcome.Invalid)]
    [TestCase("storage_transformers", "[{\"name\": \"chunk-manifest-json\"}]", ZarrRules.UnknownStorageTransformer, Outcome.Unsupported)]
    [TestCase("fill_value", "1.5", ZarrRules.FillInteger, Outcome.Invalid)]
    public void A_wrong_member_is_refused_with_its_rule(string member, string valueJson, string rule, Outcome outcome)
    {
        ConformanceException e = Refused(MetadataText.Edit(MetadataText.Array, d => d[member] = JsonNode.Parse(valueJson)));
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((rule, outcome)), e.Message);
    }

    [Test]
    public void The_location_names_the_member_as_a_JSON_pointer()
    {
        ConformanceException e = Refused(MetadataText.Edit(MetadataText.Array, d => d["codecs"] = JsonNode.Parse("[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"gzip\", \"configuration\": {\"level\": 10}}]")));
        Assert.That(e.Location, Is.EqualTo("zarr.json#/codecs/1/configuration/level"));
    }

    [TestCase("{\"a\": 1, \"a\": 2}", ZarrRules.DuplicateMember)]
    [TestCase("[1, 2]", ZarrRules.MetadataJson)]
    [TestCase("{\"zarr_format\": 3,", ZarrRules.MetadataJson)]
    [TestCase("", ZarrRules.MetadataJson)]
    [TestCase("{\"zarr_format\": 3, \"node_type\": \"group\"} // comment", ZarrRules.MetadataJson)]
    [TestCase("{\"zarr_format\": 3, \"node_type\": \"group\", \"attributes\": {\"\\udc00\": 1}}", ZarrRules.MetadataJson)]
    public void Documents_that_are_not_one_clean_JSON_object_are_refused(string json, string rule) =>
        Assert.That(Refused(json).RuleId, Is.EqualTo(rule));

    [Test]
    public void Short_hand_names_equal_objects_with_just_a_name()
    {
        var shortHand = (ArrayMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Array, d =>
        {
            d["data_type"] = "uint8";
            d["codecs"] = JsonNode.Parse("[\"bytes\", \"crc32c\"]");
        }));
        Assert.That(shortHand.Codecs.Select(c => c.GetType()), Is.EqualTo(new[] { typeof(BytesCodec), typeof(Crc32cCodec) }));
        var objectForm = (ArrayMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Array, d => d["data_type"] = JsonNode.Parse("{\"name\": \"uint8\"}")));
        Assert.That(objectForm.DataType.Name, Is.EqualTo("uint8"));
    }

    [Test]
    public void Chunk_key_encoding_defaults_its_separator_per_encoding()
    {
        var v2 = (ArrayMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Array, d => d["chunk_key_encoding"] = JsonNode.Parse("{\"name\": \"v2\"}")));
        var dflt = (ArrayMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Array, d => d["chunk_key_encoding"] = "default"));
        Assert.That((v2.ChunkKeyEncoding.Separator, dflt.ChunkKeyEncoding.Separator), Is.EqualTo(('.', '/')));
    }

    [Test]
    public void Optional_members_are_read()
    {
        var metadata = (ArrayMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Array, d =>
        {
            d["attributes"] = JsonNode.Parse("{\"answer\": 42}");
            d["dimension_names"] = JsonNode.Parse("[\"y\", null]");
            d["storage_transformers"] = new JsonArray();
        }));
        Assert.That(metadata.Attributes["answer"]!.GetValue<int>(), Is.EqualTo(42));
        Assert.That(metadata.DimensionNames, Is.EqualTo(new[] { "y", null }));
        Assert.That(metadata.StorageTransformers, Is.Empty);
    }

    [Test]
    public void Groups_have_attributes_and_nothing_else_required()
    {
        var group = (GroupMetadata)MetadataText.Parse("""{"zarr_format": 3, "node_type": "group", "attributes": {"spam": "ham"}}""");
        Assert.That(group.Attributes["spam"]!.GetValue<string>(), Is.EqualTo("ham"));
    }
}
