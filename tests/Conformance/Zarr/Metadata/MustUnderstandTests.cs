using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Metadata;

/// <summary>Core spec, "must_understand": which unknown members an implementation may ignore.</summary>
public sealed class MustUnderstandTests
{
    [Test]
    public void An_unknown_member_marked_must_understand_false_opens_and_is_kept()
    {
        string json = MetadataText.Edit(MetadataText.Array, d => d["my_extension"] = JsonNode.Parse("{\"must_understand\": false, \"x\": 1}"));
        var metadata = (ArrayMetadata)MetadataText.Parse(json);
        Assert.That(metadata.ExtraFields.Keys, Is.EqualTo(new[] { "my_extension" }));
        var rewritten = (ArrayMetadata)MetadataText.Parse(System.Text.Encoding.UTF8.GetString(metadata.ToJson()));
        Assert.That(rewritten.ExtraFields["my_extension"]!.ToJsonString(), Is.EqualTo(metadata.ExtraFields["my_extension"]!.ToJsonString()));
    }

    [TestCase("{\"x\": 1}")]
    [TestCase("{\"must_understand\": true}")]
    [TestCase("42")]
    [TestCase("\"text\"")]
    public void An_unknown_member_without_must_understand_false_fails_to_open(string value)
    {
        string json = MetadataText.Edit(MetadataText.Group, d => d["my_extension"] = JsonNode.Parse(value));
        ConformanceException e = Assert.Throws<ConformanceException>(() => MetadataText.Parse(json))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.UnknownField, Outcome.Unsupported)));
    }

    [TestCase("data_type", "{\"name\": \"int16\", \"must_understand\": false}")]
    [TestCase("chunk_grid", "{\"name\": \"regular\", \"configuration\": {\"chunk_shape\": [2, 3]}, \"must_understand\": false}")]
    [TestCase("chunk_key_encoding", "{\"name\": \"default\", \"must_understand\": false}")]
    public void Must_understand_false_is_not_allowed_for_data_type_chunk_grid_or_key_encoding(string member, string value)
    {
        string json = MetadataText.Edit(MetadataText.Array, d => d[member] = JsonNode.Parse(value));
        Assert.That(Assert.Throws<ConformanceException>(() => MetadataText.Parse(json))!.RuleId, Is.EqualTo(ZarrRules.MustUnderstandNotAllowed));
    }

    [Test]
    public void An_unknown_codec_marked_must_understand_false_is_skipped_but_kept()
    {
        string json = MetadataText.Edit(MetadataText.Array, d => d["codecs"] = JsonNode.Parse(
            "[{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}, {\"name\": \"my.checksum\", \"must_understand\": false}]"));
        var metadata = (ArrayMetadata)MetadataText.Parse(json);
        Assert.That(metadata.Codecs[1], Is.InstanceOf<IgnoredCodec>());
        CodecPipeline pipeline = CodecPipeline.Build(metadata.Codecs, new ArrayRepresentation(metadata.DataType, [2, 3]), "zarr.json#/codecs", 1 << 20);
        Assert.That(pipeline.EncodedSize, Is.EqualTo(12));
        Assert.That(System.Text.Encoding.UTF8.GetString(metadata.ToJson()), Does.Contain("my.checksum"));
    }

    [Test]
    public void An_ignorable_storage_transformer_opens()
    {
        string json = MetadataText.Edit(MetadataText.Array, d => d["storage_transformers"] = JsonNode.Parse("[{\"name\": \"my.cache\", \"must_understand\": false}]"));
        Assert.That(((ArrayMetadata)MetadataText.Parse(json)).StorageTransformers!.Single().Name, Is.EqualTo("my.cache"));
    }

    [Test]
    public void Consolidated_metadata_is_the_one_member_outside_the_extension_form()
    {
        string json = """
            {"zarr_format": 3, "node_type": "group",
             "consolidated_metadata": {"kind": "inline", "must_understand": false, "metadata": {"a": {"zarr_format": 3, "node_type": "group"}}}}
            """;
        var group = (GroupMetadata)MetadataText.Parse(json);
        Assert.That(group.Consolidated!.Metadata.Keys, Is.EqualTo(new[] { "a" }));
    }

    [TestCase("{\"kind\": \"inline\", \"must_understand\": true, \"metadata\": {}}")]
    [TestCase("{\"kind\": \"sidecar\", \"must_understand\": false, \"metadata\": {}}")]
    [TestCase("{\"kind\": \"inline\", \"must_understand\": false}")]
    [TestCase("{\"kind\": \"inline\", \"must_understand\": false, \"metadata\": {\"__x\": {\"zarr_format\": 3, \"node_type\": \"group\"}}}")]
    [TestCase("[]")]
    public void Malformed_consolidated_metadata_is_refused(string value)
    {
        string json = MetadataText.Edit(MetadataText.Group, d => d["consolidated_metadata"] = JsonNode.Parse(value));
        string rule = Assert.Throws<ConformanceException>(() => MetadataText.Parse(json))!.RuleId;
        Assert.That(rule, Is.AnyOf(ZarrRules.ConsolidatedMetadata, ZarrRules.NodeName));
    }

    [Test]
    public void Consolidated_metadata_null_as_zarr_python_writes_it_reads_as_absent_and_is_flagged()
    {
        var group = (GroupMetadata)MetadataText.Parse(MetadataText.Edit(MetadataText.Group, d => d["consolidated_metadata"] = null));
        Assert.That((group.Consolidated, group.ConsolidatedIsNull), Is.EqualTo(((ConsolidatedMetadata?)null, true)));
    }
}
