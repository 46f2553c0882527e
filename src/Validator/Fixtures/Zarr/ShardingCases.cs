using System.Buffers.Binary;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>The sharding_indexed codec: the binary shard format, its configuration, and broken shards.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/sharding-indexed/#binary-shard-format"/></remarks>
internal static class ShardingCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("sharding");
        string page = Spec + "codecs/sharding-indexed/";
        string format = page + "#binary-shard-format";
        string configuration = page + "#configuration-parameters";

        a.Valid("spec-example", "The worked example: a 64x64 shard of four 32x32 inner chunks, index little-endian "
            + "with crc32c at the end (16 x 4 + 4 = 68 bytes).", format,
            new FixtureArray("uint16", [64, 64], [64, 64], 0, 0, Each(64 * 64, i => ((i * 3) + 1) % 65536), codecs: L(Shard([32, 32]))));
        a.Valid("index-start", "index_location \"start\": the index comes first and offsets count from the shard start.", configuration,
            new FixtureArray("int32", [8, 6], [4, 6], -1, -1, Ints(48, -20), codecs: L(Shard([2, 3], location: "start"))));
        a.Valid("index-without-crc32c", "Index codecs without crc32c: the index is 16 bytes per inner chunk, no more.", configuration,
            new FixtureArray("uint8", [6, 6], [6, 6], 0, 0, Each(36, i => i % 251), codecs: L(Shard([3, 2], codecs: L(Bytes), indexCodecs: L(Le)))));
        a.Valid("index-big-endian", "A big-endian index is read as big-endian.", configuration,
            new FixtureArray("int16", [4, 4], [4, 4], 0, 0, Ints(16, -8), codecs: L(Shard([2, 2], indexCodecs: L(Be, Crc)))));
        object[] values = Each(64, i => i / 8 < 4 && i % 8 >= 4 ? 0 : i + 1);
        a.Valid("empty-inner-chunks", "Inner chunks equal to the fill value are not stored: both index halves are 2^64-1 "
            + "and the chunk reads as the fill value.", format,
            new FixtureArray("uint16", [8, 8], [8, 8], 0, 0, values, codecs: L(Shard([4, 4]))));
        a.Valid("ragged-array-edge", "A 5x7 array in 4x4 shards of 2x2 inner chunks: the index covers every inner chunk, "
            + "also those beyond the array edge, which are empty.", format,
            new FixtureArray("int8", [5, 7], [4, 4], -1, -1, Each(35, i => i - 17), codecs: L(Shard([2, 2]))));
        a.Valid("missing-shard", "A shard that is not stored reads as the fill value.", Core("chunk-encoding"),
            new FixtureArray("float32", [4, 4], [2, 4], R("1.5"), FloatBits(4, 1.5), Each(16, i => FloatBits(4, i < 8 ? i * 0.25 : 1.5)),
                codecs: L(Shard([1, 2])), missing: [[1, 0]]));
        var gaps = new FixtureArray("uint16", [4, 4], [4, 4], 0, 0, Ints(16, 1), codecs: L(Shard([2, 2], indexCodecs: L(Le))));
        JsonMembers gapsConfiguration = ExtParts(gaps.Codecs[0]).Configuration;
        gaps.ChunkBytes["c/0/0"] = ShardEncoder.Encode("uint16", [4, 4], Ints(16, 1), gapsConfiguration, 0, layout: "reversed-gaps");
        a.Valid("any-order-with-gaps", "Inner chunks stored last first with unused bytes between them: the order and gaps "
            + "are the writer's choice.", format, gaps);
        var sharing = new FixtureArray("uint16", [4, 4], [4, 4], 0, 0, Each(16, _ => 7), codecs: L(Shard([2, 2], indexCodecs: L(Le))));
        byte[] shared = [7, 0, 7, 0, 7, 0, 7, 0];
        byte[] sharingShard = new byte[shared.Length + (4 * 16)];
        shared.CopyTo(sharingShard, 0);
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(sharingShard.AsSpan(shared.Length + (16 * i)), 0);
            BinaryPrimitives.WriteUInt64LittleEndian(sharingShard.AsSpan(shared.Length + (16 * i) + 8), (ulong)shared.Length);
        }
        sharing.ChunkBytes["c/0/0"] = sharingShard;
        a.Valid("inner-chunks-share-bytes", "Four index entries pointing at the same eight bytes: each decodes, so readers "
            + "accept it, but the overlap is warned about.", format, sharing, warnings: ["ZARR-CODEC-SHARDING-005"]);
        a.Valid("nested", "A shard whose inner chunks are themselves shards (inner index at the start, gzip inside).", format,
            new FixtureArray("uint16", [8, 8], [8, 8], 0, 0, Ints(64, 100),
                codecs: L(Shard([4, 4], codecs: L(Shard([2, 2], codecs: L(Le, Gz(1)), location: "start"))))));
        a.Valid("inner-transpose-gzip", "Inner codecs transpose, big-endian bytes and gzip, with crc32c on the index.", format,
            new FixtureArray("float64", [4, 6], [4, 6], 0, FloatBits(8, 0.0), Each(24, i => FloatBits(8, i / 8.0)),
                codecs: L(Shard([2, 3], codecs: L(Tr(1, 0), Be, Gz(6))))));
        a.Valid("transpose-before-sharding", "A transpose before sharding_indexed: the shard is split after transposing.",
            Core("chunk-encoding"),
            new FixtureArray("int32", [4, 6], [4, 6], 0, 0, Ints(24, 1), codecs: L(Tr(1, 0), Shard([3, 2]))));
        a.Valid("strings", "Inner chunks of vlen-utf8 strings; the empty string is the fill value, so an all-empty inner chunk "
            + "is not stored.", format,
            new FixtureArray("string", [6], [6], "", "", V("a", "bc", "", "", "δ", "long text"), codecs: L(Shard([2], codecs: L(VlenUtf8)))));

        void BadConfiguration(string name, string description, string rule, JsonMembers shardConfiguration)
        {
            JsonMembers document = Base(("shape", L(16, 16)), ("data_type", "uint16"), ("chunk_grid", Regular(8, 8)),
                ("codecs", L(new JsonMembers { { "name", "sharding_indexed" }, { "configuration", shardConfiguration } })));
            a.Bad(name, description, configuration, rule, document);
        }

        JsonMembers ok = new() { { "chunk_shape", L(4, 4) }, { "codecs", L(Le) }, { "index_codecs", ShardIndexCodecs } };
        BadConfiguration("chunk-shape-not-dividing", "The inner chunk shape must divide the shard shape.", "ZARR-CODEC-SHARDING-002",
            Edit(ok, ("chunk_shape", L(3, 4))));
        BadConfiguration("chunk-shape-rank", "The inner chunk shape has one entry per dimension.", "ZARR-CODEC-SHARDING-002",
            Edit(ok, ("chunk_shape", L(4))));
        BadConfiguration("chunk-shape-zero", "Inner chunk lengths are positive.", "ZARR-CODEC-SHARDING-002", Edit(ok, ("chunk_shape", L(0, 4))));
        BadConfiguration("index-compressed", "Index codecs must produce a fixed size, so gzip cannot be one.", "ZARR-CODEC-SHARDING-003",
            Edit(ok, ("index_codecs", L(Le, Gz(1)))));
        BadConfiguration("index-location-middle", "index_location is \"start\" or \"end\".", "ZARR-CODEC-SHARDING-001",
            Edit(ok, ("index_location", "middle")));
        BadConfiguration("no-index-codecs", "index_codecs is required.", "ZARR-CODEC-SHARDING-001",
            new JsonMembers { { "chunk_shape", L(4, 4) }, { "codecs", L(Le) } });
        BadConfiguration("no-codecs", "codecs is required.", "ZARR-CODEC-SHARDING-001", new JsonMembers { { "chunk_shape", L(4, 4) }, { "index_codecs", ShardIndexCodecs } });
        BadConfiguration("unknown-member", "The configuration has no other members.", "ZARR-CODEC-SHARDING-001", Edit(ok, ("write_order", "morton")));
        BadConfiguration("inner-no-array-to-bytes", "The inner codecs need exactly one array -> bytes codec.", "ZARR-CODEC-001",
            Edit(ok, ("codecs", L(Gz(1)))));

        void BadShard(string name, string description, string rule, byte[] data, string? spec = null)
        {
            var array = new FixtureArray("uint16", [4, 4], [4, 4], 0, 0, Ints(16, 1), codecs: L(Shard([2, 2], indexCodecs: L(Le))), missing: [[0, 0]]);
            array.ChunkBytes["c/0/0"] = data;
            array.AddTo(a.Case(name, description, spec ?? format, "invalid", "/", "read", rule), "/");
        }

        var plain = new JsonMembers { { "chunk_shape", L(2, 2) }, { "codecs", L(Le) }, { "index_codecs", L(Le) } };
        byte[] good = ShardEncoder.Encode("uint16", [4, 4], Ints(16, 1), plain, null);
        BadShard("shard-shorter-than-index", "A shard of 20 bytes cannot hold its 64-byte index.", "ZARR-CODEC-SHARDING-004",
            good[..20]);
        byte[] outOfBounds = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(outOfBounds.AsSpan(good.Length - 64 + 48), 1000);
        BadShard("entry-out-of-bounds", "An index entry pointing past the end of the shard.", "ZARR-CODEC-SHARDING-004", outOfBounds);
        byte[] halfEmpty = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(halfEmpty.AsSpan(good.Length - 64 + 48), ulong.MaxValue);
        BadShard("entry-half-empty", "An index entry with only its offset set to 2^64-1.", "ZARR-CODEC-SHARDING-004", halfEmpty);
        byte[] wrongSize = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(wrongSize.AsSpan(good.Length - 64 + 56), 6);
        BadShard("inner-chunk-wrong-size", "An inner chunk of 6 bytes where the bytes codec needs 8.", "ZARR-CODEC-BYTES-002",
            wrongSize, CodecPage("bytes", "format-and-algorithm"));
        var checksum = new FixtureArray("uint16", [4, 4], [4, 4], 0, 0, Ints(16, 1), codecs: L(Shard([2, 2])), missing: [[0, 0]]);
        var withCrc = new JsonMembers { { "chunk_shape", L(2, 2) }, { "codecs", L(Le) }, { "index_codecs", ShardIndexCodecs } };
        byte[] corrupt = ShardEncoder.Encode("uint16", [4, 4], Ints(16, 1), withCrc, null);
        corrupt[^1] ^= 0xFF;
        checksum.ChunkBytes["c/0/0"] = corrupt;
        checksum.AddTo(a.Case("index-checksum-mismatch", "The index's crc32c does not match its bytes.", CodecPage("crc32c", "format-and-algorithm"),
            "invalid", "/", "read", "ZARR-CODEC-CRC32C-002"), "/");
        return a.Cases;
    }
}
