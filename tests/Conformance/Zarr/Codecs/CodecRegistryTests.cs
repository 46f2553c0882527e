using System.Buffers;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>Core spec, "Extension codecs": a codec registered by name plugs into reading and writing.</summary>
public sealed class CodecRegistryTests
{
    /// <summary>A bytes->bytes codec that XORs every byte with a configured key.</summary>
    private sealed class XorCodec(byte key) : IBytesToBytesCodec
    {
        public ExtensionObject ToDefinition() => new("test.xor", new JsonObject { ["key"] = key });

        public long? ComputeEncodedSize(long? decodedSize) => decodedSize;

        public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output) => Xor(decoded.Span, output);

        public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location) => Xor(encoded.Span, output);

        private void Xor(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
        {
            Span<byte> target = output.GetSpan(input.Length);
            for (int i = 0; i < input.Length; i++)
            {
                target[i] = (byte)(input[i] ^ key);
            }
            output.Advance(input.Length);
        }
    }

    private static ZarrOptions WithXor()
    {
        CodecRegistry codecs = CodecRegistry.CreateDefault();
        codecs.Register("test.xor", (definition, location) =>
            new XorCodec((byte)new Configuration(definition, location, ZarrRules.CodecConfiguration).GetInteger("key", required: true)!.Value));
        return new ZarrOptions { Codecs = codecs };
    }

    private static string Json => MetadataText.Edit(MetadataText.Array, d =>
    {
        d["data_type"] = "uint8";
        d["codecs"] = JsonNode.Parse("""["bytes", {"name": "test.xor", "configuration": {"key": 255}}]""");
    });

    [Test]
    public void An_unregistered_codec_is_unsupported_and_a_registered_one_parses()
    {
        ConformanceException e = Assert.Throws<ConformanceException>(() => MetadataText.Parse(Json))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.UnknownCodec, Outcome.Unsupported)));
        var metadata = (ArrayMetadata)MetadataText.Parse(Json, WithXor());
        Assert.That(metadata.Codecs[1], Is.InstanceOf<XorCodec>());
    }

    [Test]
    public async Task A_registered_codec_encodes_and_decodes_chunks()
    {
        var store = new MemoryStore();
        await store.SetAsync("zarr.json", System.Text.Encoding.UTF8.GetBytes(Json));
        ZarrArray array = await ZarrArray.OpenAsync(store, "/", WithXor());
        byte[] values = [.. Enumerable.Range(0, 24).Select(i => (byte)i)];
        await array.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [4, 6], values));
        using StoreValue? stored = await store.GetAsync("c/0/0");
        Assert.That(stored!.ToArray(), Is.EqualTo(new byte[] { 0, 1, 2, 6, 7, 8 }.Select(b => (byte)(b ^ 255))));
        using NdArray back = await array.ReadAllAsync();
        Assert.That(back.Bytes.ToArray(), Is.EqualTo(values));
    }
}
