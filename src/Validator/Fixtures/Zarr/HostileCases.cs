using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Stores built to exhaust a reader: huge chunks, shapes and counts, deep nesting, a gzip bomb.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#decoding-procedure"/></remarks>
internal static class HostileCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("hostile");

        void HugeChunk(string name, string description, params object?[] chunkShape)
        {
            var array = new FixtureArray("uint8", [1, 1], [1, 1], 0, 0, V(0), codecs: L(Bytes), missing: [[0, 0]],
                chunkBytes: new Dictionary<string, byte[]> { ["c/0/0"] = [0x00] }, meta: new JsonMembers { { "chunk_grid", Regular(chunkShape) } });
            array.AddTo(a.Case(name, description, Core("decoding-procedure"), "unsupported", "/", "read", "ZARR-LIMIT-001"), "/");
        }

        HugeChunk("chunk-too-large", "A chunk of 2^33 uint8 elements opens, but decoding it is beyond a reader's limits.",
            1L << 32, 2);
        HugeChunk("chunk-element-count-overflows",
            "A chunk of 2^64 elements, more than a signed 64-bit count, opens but cannot be decoded.",
            1L << 32, 1L << 32);
        a.Bad("shape-beyond-int64", "A dimension length of 2^64 is beyond what readers support.",
            Core("array-metadata-shape"), "ZARR-META-004", Base(("shape", L(BigInteger.One << 64))), expect: "unsupported");
        a.Bad("shape-exponent", "A dimension length written 1e400 is not an integer literal.",
            Core("array-metadata-shape"), "ZARR-META-004", Base(("shape", L(R("1e400")))));
        const int depth = 1000;
        string nested = "{\"zarr_format\": 3, \"node_type\": \"group\", \"attributes\": {\"deep\": " + new string('[', depth) + new string(']', depth) + "}}\n";
        a.Bad("deeply-nested-attributes",
            "Attributes nested 1000 levels deep are valid JSON, but past the nesting depth readers accept.",
            Core("metadata"), "ZARR-LIMIT-002", Encoding.ASCII.GetBytes(nested), expect: "unsupported");
        var vlen = new FixtureArray("string", [1], [100000000], "", "", V(""), missing: [[0]]);
        byte[] count = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(count, 100000000);
        vlen.ChunkBytes["c/0"] = count;
        vlen.AddTo(a.Case("vlen-huge-count", "A vlen chunk declaring 10^8 elements in 8 bytes is refused before allocating them.",
            ExtensionCodecs, "invalid", "/", "read", "ZARR-CODEC-VLEN-001"), "/");
        a.Bad("shard-index-too-large", "A shard of 2^40 one-element inner chunks needs a 16 TiB index: the metadata is valid "
            + "but beyond what a reader can hold.", Spec + "codecs/sharding-indexed/#binary-shard-format", "ZARR-LIMIT-001",
            Base(("shape", L(1L << 40)), ("data_type", "uint8"), ("chunk_grid", Regular(1L << 40)), ("codecs", L(Shard([1], codecs: L(Bytes))))),
            expect: "unsupported");
        var bomb = new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Gz(9)), missing: [[0]]);
        bomb.ChunkBytes["c/0"] = GzipMember.Encode(new byte[4 << 20], 9);
        bomb.AddTo(a.Case("gzip-bomb", "A 4-byte chunk whose gzip data inflates to 4 MiB is refused without inflating it all.",
            Core("decoding-procedure"), "invalid", "/", "read", "ZARR-CHUNK-001"), "/");
        return a.Cases;
    }
}
