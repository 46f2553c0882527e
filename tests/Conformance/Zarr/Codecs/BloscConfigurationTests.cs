using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Tests.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>codecs/blosc, "Configuration parameters": what a <c>blosc</c> definition may hold.</summary>
public sealed class BloscConfigurationTests
{
    private const string Full = """{"typesize": 4, "cname": "lz4", "clevel": 1, "shuffle": "shuffle", "blocksize": 0}""";

    private static BloscCodec Parse(string configuration) =>
        BloscCodec.Parse(new ExtensionObject("blosc", JsonNode.Parse(configuration)!.AsObject()), "zarr.json#/codecs/1");

    private static ConformanceException Refused(string configuration) =>
        Assert.Throws<ConformanceException>(() => Parse(configuration))!;

    private static string Edit(Action<JsonObject> edit) => MetadataText.Edit(Full, edit);

    [Test]
    public void The_spec_example_parses()
    {
        BloscCodec codec = Parse(Full);
        Assert.That((codec.Compressor, codec.Level, codec.Shuffle, codec.TypeSize, codec.BlockSize),
            Is.EqualTo((BloscCompressor.Lz4, 1, BloscShuffle.Shuffle, (long?)4, 0L)));
    }

    [TestCase("lz4", BloscCompressor.Lz4)]
    [TestCase("lz4hc", BloscCompressor.Lz4hc)]
    [TestCase("blosclz", BloscCompressor.BloscLz)]
    [TestCase("zstd", BloscCompressor.Zstd)]
    [TestCase("snappy", BloscCompressor.Snappy)]
    [TestCase("zlib", BloscCompressor.Zlib)]
    public void Every_cname_of_the_spec_parses(string cname, BloscCompressor compressor) =>
        Assert.That(Parse(Edit(c => c["cname"] = cname)).Compressor, Is.EqualTo(compressor));

    [TestCase("noshuffle", BloscShuffle.NoShuffle)]
    [TestCase("shuffle", BloscShuffle.Shuffle)]
    [TestCase("bitshuffle", BloscShuffle.BitShuffle)]
    public void Every_shuffle_of_the_spec_parses(string shuffle, BloscShuffle expected) =>
        Assert.That(Parse(Edit(c => c["shuffle"] = shuffle)).Shuffle, Is.EqualTo(expected));

    [Test]
    public void Typesize_may_be_left_out_without_shuffling()
    {
        BloscCodec codec = Parse(Edit(c =>
        {
            c["shuffle"] = "noshuffle";
            c.Remove("typesize");
        }));
        Assert.That(codec.TypeSize, Is.Null);
        Assert.That(codec.ToDefinition().Configuration!.ContainsKey("typesize"), Is.False);
    }

    [Test]
    public void The_definition_is_written_back_as_read()
    {
        string json = """{"typesize": 2, "cname": "zstd", "clevel": 9, "shuffle": "bitshuffle", "blocksize": 4096}""";
        Assert.That(JsonNode.DeepEquals(Parse(json).ToDefinition().Configuration, JsonNode.Parse(json)), Is.True);
    }

    [TestCase("cname", "\"lzma\"")]
    [TestCase("cname", "\"LZ4\"")]
    [TestCase("cname", "1")]
    [TestCase("clevel", "10")]
    [TestCase("clevel", "-1")]
    [TestCase("clevel", "5.0")]
    [TestCase("clevel", "\"5\"")]
    [TestCase("shuffle", "1")]
    [TestCase("shuffle", "\"auto\"")]
    [TestCase("shuffle", "null")]
    [TestCase("typesize", "0")]
    [TestCase("typesize", "-4")]
    [TestCase("typesize", "1.5")]
    [TestCase("blocksize", "-1")]
    [TestCase("blocksize", "\"0\"")]
    public void Values_outside_the_spec_are_refused(string member, string value)
    {
        ConformanceException e = Refused(Edit(c => c[member] = JsonNode.Parse(value)));
        Assert.That((e.RuleId, e.Outcome, e.Location), Is.EqualTo((ZarrRules.BloscConfiguration, Outcome.Invalid, "zarr.json#/codecs/1/configuration/" + member)));
    }

    [TestCase("cname")]
    [TestCase("clevel")]
    [TestCase("shuffle")]
    [TestCase("typesize")]
    [TestCase("blocksize")]
    public void Every_member_is_required_when_shuffling(string member) =>
        Assert.That(Refused(Edit(c => c.Remove(member))).RuleId, Is.EqualTo(ZarrRules.BloscConfiguration));

    [Test]
    public void Unknown_members_and_a_missing_configuration_are_refused()
    {
        Assert.That(Refused(Edit(c => c["nthreads"] = 2)).RuleId, Is.EqualTo(ZarrRules.BloscConfiguration));
        ConformanceException e = Assert.Throws<ConformanceException>(() => BloscCodec.Parse(new ExtensionObject("blosc"), "k"))!;
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.BloscConfiguration));
    }

    [Test]
    public void The_default_registry_knows_blosc()
    {
        string json = MetadataText.Edit(MetadataText.Array, d => d["codecs"] = JsonNode.Parse(
            """[{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "blosc", "configuration": """ + Full + "}]"));
        var metadata = (ArrayMetadata)MetadataText.Parse(json);
        Assert.That(metadata.Codecs[1], Is.InstanceOf<BloscCodec>());
    }

    [Test]
    public void Snappy_is_read_as_configuration_but_not_written()
    {
        BloscCodec codec = Parse(Edit(c => c["cname"] = "snappy"));
        using var output = new PooledBufferWriter();
        Assert.Throws<NotSupportedException>(() => codec.Encode(new byte[256], output));
    }

    [Test]
    public void Typesize_and_shuffle_left_open_follow_the_data_type_as_in_zarr_python()
    {
        BloscCodec int16 = BloscCodec.ForDataType(IntegerDataType.Int16);
        Assert.That((int16.Compressor, int16.Level, int16.Shuffle, int16.TypeSize), Is.EqualTo((BloscCompressor.Zstd, 5, BloscShuffle.Shuffle, (long?)2)));
        Assert.That((BloscCodec.ForDataType(IntegerDataType.UInt8).Shuffle, BloscCodec.ForDataType(IntegerDataType.UInt8).TypeSize), Is.EqualTo((BloscShuffle.BitShuffle, (long?)1)));
        Assert.That(BloscCodec.ForDataType(ComplexDataType.Complex128).TypeSize, Is.EqualTo(16));
        Assert.That(BloscCodec.ForDataType(StringDataType.Instance).TypeSize, Is.EqualTo(1));
        Assert.That(BloscCodec.ForDataType(FloatDataType.Float32, BloscCompressor.Lz4, 1, BloscShuffle.NoShuffle).ToDefinition().Configuration!.ToJsonString(),
            Is.EqualTo("""{"typesize":4,"cname":"lz4","clevel":1,"shuffle":"noshuffle","blocksize":0}"""));
    }

    [Test]
    public void The_constructor_refuses_what_parsing_refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BloscCodec(BloscCompressor.Lz4, 10, BloscShuffle.NoShuffle, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.Shuffle, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.Shuffle, 4, -1));
        Assert.Throws<ArgumentNullException>(() => new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.BitShuffle, null));
    }
}
