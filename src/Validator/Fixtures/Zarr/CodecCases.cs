using System.Buffers.Binary;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>The codec chain and the bytes, transpose, gzip, crc32c, vlen and zstd codecs.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#chunk-encoding"/></remarks>
internal static class CodecCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("codecs");
        string bytesFormat = CodecPage("bytes", "format-and-algorithm");
        string bytesConfiguration = CodecPage("bytes", "configuration-parameters");
        string transposeFormat = CodecPage("transpose", "format-and-algorithm");
        string transposeConfiguration = CodecPage("transpose", "configuration-parameters");
        string gzipFormat = CodecPage("gzip", "format-and-algorithm");
        string gzipConfiguration = CodecPage("gzip", "configuration-parameters");
        string crcFormat = CodecPage("crc32c", "format-and-algorithm");
        string crcConfiguration = CodecPage("crc32c", "configuration-parameters");
        string order = Core("chunk-encoding");
        const int d = 8;

        a.Valid("bytes-little", "The bytes codec with endian \"little\" stores each element least significant byte first.",
            bytesFormat, new FixtureArray("int32", [2, 3], [2, 2], 0, 0, V(1, -2, 70000, -70000, int.MaxValue, int.MinValue), codecs: L(Le)));
        a.Valid("bytes-big", "The bytes codec with endian \"big\" stores each element most significant byte first.",
            bytesFormat, new FixtureArray("uint16", [5], [2], 0, 0, V(1, 258, 0xABCD, 65535, 0), codecs: L(Be)));
        a.Valid("bytes-big-float64", "Big-endian float64 elements, including NaN and -0.0.", bytesFormat,
            new FixtureArray("float64", [4], [4], 0, FloatBits(d, 0.0), V(FloatBits(d, 1.5), FloatBits(d, "NaN"), FloatBits(d, -0.0), FloatBits(d, -1e-300)), codecs: L(Be)));
        a.Valid("bytes-big-complex128", "Big-endian complex128 swaps each part on its own and keeps real before imaginary.",
            bytesFormat, new FixtureArray("complex128", [2], [2], L(0, 0), (0UL, 0UL),
                V((FloatBits(d, 1.0), FloatBits(d, 2.0)), (FloatBits(d, -0.5), FloatBits(d, "Infinity"))), codecs: L(Be)));
        a.Valid("bytes-no-endian-single-byte", "endian may be left out for single-byte types such as uint8 and bool.",
            bytesConfiguration, new FixtureArray("uint8", [4], [4], 0, 0, V(0, 1, 128, 255), codecs: L(Bytes)));
        a.Valid("bytes-no-endian-raw", "endian may be left out for raw types, whose bytes are stored as they are.",
            bytesConfiguration, new FixtureArray("r16", [3], [3], L(0, 0), new byte[2],
                V(new byte[] { 0x01, 0x02 }, new byte[] { 0x03, 0x04 }, new byte[] { 0xff, 0xfe }), codecs: L(Bytes)));
        a.Valid("transpose-2d", "transpose with order [1, 0] stores each chunk in column-major order.", transposeFormat,
            new FixtureArray("int16", [3, 5], [3, 4], 0, 0, Ints(15, 1), codecs: L(Tr(1, 0), Le)));
        a.Valid("transpose-3d", "transpose with order [2, 0, 1] on 3-d chunks of unequal lengths.", transposeFormat,
            new FixtureArray("uint16", [2, 3, 4], [2, 3, 4], 0, 0, Ints(24, 100), codecs: L(Tr(2, 0, 1), Le)));
        a.Valid("transpose-3d-ragged", "transpose with order [1, 2, 0] on ragged edge chunks.", transposeFormat,
            new FixtureArray("int8", [3, 3, 3], [2, 2, 2], -1, -1, Each(27, i => i - 13), codecs: L(Tr(1, 2, 0), Bytes)));
        a.Valid("transpose-identity", "transpose with the identity order changes nothing.", transposeConfiguration,
            new FixtureArray("uint8", [2, 2], [2, 2], 0, 0, V(1, 2, 3, 4), codecs: L(Tr(0, 1), Bytes)));
        a.Valid("gzip", "gzip compresses the output of the bytes codec.", gzipFormat,
            new FixtureArray("int32", [10], [5], 0, 0, Each(10, i => i * i), codecs: L(Le, Gz(5))));
        a.Valid("gzip-level-0", "gzip at level 0 stores the data uncompressed inside a valid gzip member.", gzipConfiguration,
            new FixtureArray("uint8", [6], [6], 0, 0, V(1, 2, 3, 4, 5, 6), codecs: L(Bytes, Gz(0))));
        a.Valid("crc32c", "crc32c appends a little-endian CRC-32C of the chunk bytes.", crcFormat,
            new FixtureArray("uint16", [6], [3], 0, 0, V(1, 2, 3, 4, 5, 6), codecs: L(Le, Crc)));
        a.Valid("gzip-then-crc32c", "crc32c after gzip checks the compressed bytes.", crcFormat,
            new FixtureArray("int64", [4], [4], 0, 0, V(1, -1, 1L << 40, -(1L << 40)), codecs: L(Le, Gz(1), Crc)));
        a.Valid("full-chain", "transpose, big-endian bytes, gzip and crc32c together, on ragged chunks.", order,
            new FixtureArray("float32", [3, 5], [2, 3], R("0.25"), FloatBits(4, 0.25), Each(15, i => FloatBits(4, (i * 0.5) - 3)),
                codecs: L(Tr(1, 0), Be, Gz(9), Crc)));
        a.Valid("vlen-utf8-gzip", "vlen-utf8 output can be compressed like any bytes.", ExtensionCodecs,
            new FixtureArray("string", [3], [3], "", "", V("alpha", "", "γάμμα"), codecs: L(VlenUtf8, Gz(1))));

        a.Bad("no-array-to-bytes", "codecs must include an array -> bytes codec.", order, "ZARR-CODEC-001",
            Base(("codecs", L(Gz(1)))));
        a.Bad("two-array-to-bytes", "codecs must include exactly one array -> bytes codec.", order, "ZARR-CODEC-001",
            Base(("codecs", L(Le, Le))));
        a.Bad("bytes-to-bytes-first", "A bytes -> bytes codec cannot come before the array -> bytes codec.", order,
            "ZARR-CODEC-001", Base(("codecs", L(Gz(1), Le))));
        a.Bad("transpose-after-bytes", "An array -> array codec cannot come after the array -> bytes codec.", order,
            "ZARR-CODEC-001", Base(("codecs", L(Le, Tr(0)))));
        a.Bad("unknown-codec", "A codec this implementation does not know is unsupported.",
            Core("array-metadata-codecs"), "ZARR-CODEC-002", Base(("codecs", L(Le, new JsonMembers { { "name", "example.unknown-codec" } }))),
            expect: "unsupported");
        a.Bad("vlen-utf8-on-int32", "vlen-utf8 cannot encode an int32 array.", Core("determination-of-encoded-representations"),
            "ZARR-CODEC-003", Base(("data_type", "int32"), ("codecs", L(VlenUtf8))));
        const string zstdPage = "https://github.com/zarr-developers/zarr-extensions/tree/main/codecs/zstd";
        a.Bad("zstd-level-out-of-range", "zstd levels run from -131072 to 22.", zstdPage, "ZARR-CODEC-ZSTD-001",
            Base(("codecs", L(Le, Zstd(23)))));
        var zstd = new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Zstd(3)), missing: [[0]]);
        zstd.ChunkBytes["c/0"] = "this is not a zstd frame"u8.ToArray();
        zstd.AddTo(a.Case("zstd-not-a-frame", "A chunk that is not a Zstandard frame cannot be decoded.", zstdPage, "invalid", "/", "read",
            "ZARR-CODEC-ZSTD-002"), "/");
        a.Bad("bytes-on-string", "The bytes codec cannot encode variable-length strings.",
            Core("determination-of-encoded-representations"), "ZARR-CODEC-003",
            Base(("data_type", "string"), ("fill_value", ""), ("codecs", L(Le))));
        a.Bad("vlen-with-configuration", "vlen-utf8 takes no configuration members.", ExtensionCodecs, "ZARR-CODEC-004",
            Base(("data_type", "string"), ("fill_value", ""), ("codecs", L(new JsonMembers { { "name", "vlen-utf8" }, { "configuration", new JsonMembers { { "level", 1 } } } }))));
        a.Bad("bytes-endian-missing", "endian is required for multi-byte types such as int16.", bytesConfiguration,
            "ZARR-CODEC-BYTES-001", Base(("codecs", L(Bytes))));
        a.Bad("bytes-endian-middle", "endian must be \"little\" or \"big\".", bytesConfiguration, "ZARR-CODEC-BYTES-001",
            Base(("codecs", L(new JsonMembers { { "name", "bytes" }, { "configuration", new JsonMembers { { "endian", "middle" } } } }))));
        a.Bad("transpose-not-permutation", "transpose order must be a permutation; [0, 0] repeats a dimension.", transposeConfiguration,
            "ZARR-CODEC-TRANSPOSE-001",
            Base(("shape", L(2, 2)), ("chunk_grid", Regular(2, 2)), ("codecs", L(Tr(0, 0), Le))));
        a.Bad("transpose-wrong-length", "transpose order needs one entry per dimension of the chunk.", transposeConfiguration,
            "ZARR-CODEC-TRANSPOSE-001",
            Base(("shape", L(2, 2)), ("chunk_grid", Regular(2, 2)), ("codecs", L(Tr(0), Le))));
        a.Bad("transpose-order-missing", "transpose requires order.", transposeConfiguration, "ZARR-CODEC-TRANSPOSE-001",
            Base(("codecs", L(new JsonMembers { { "name", "transpose" }, { "configuration", new JsonMembers() } }, Le))));
        a.Bad("gzip-level-10", "gzip level is an integer from 0 to 9.", gzipConfiguration, "ZARR-CODEC-GZIP-001",
            Base(("codecs", L(Le, Gz(10)))));
        a.Bad("gzip-level-missing", "gzip needs its level.", gzipConfiguration, "ZARR-CODEC-GZIP-001",
            Base(("codecs", L(Le, new JsonMembers { { "name", "gzip" }, { "configuration", new JsonMembers() } }))));
        a.Bad("gzip-unknown-member", "gzip has no configuration member other than level.", gzipConfiguration, "ZARR-CODEC-GZIP-001",
            Base(("codecs", L(Le, new JsonMembers { { "name", "gzip" }, { "configuration", new JsonMembers { { "level", 1 }, { "foo", 2 } } } }))));
        a.Bad("crc32c-with-configuration", "crc32c has no configuration parameters.", crcConfiguration, "ZARR-CODEC-CRC32C-001",
            Base(("codecs", L(Le, new JsonMembers { { "name", "crc32c" }, { "configuration", new JsonMembers { { "seed", 0 } } } }))));

        // Problems in chunk data, found when the array is read.
        string decoding = Core("decoding-procedure");

        void BadChunk(string name, string description, string spec, string rule, FixtureArray array, byte[] data, string key = "c/0")
        {
            array.ChunkBytes[key] = data;
            array.AddTo(a.Case(name, description, spec, "invalid", "/", "read", rule), "/");
        }

        byte[] one = ElementBytes("int16", 1, bigEndian: false);
        BadChunk("bytes-truncated", "A chunk shorter than the bytes codec's fixed size is refused.", bytesFormat,
            "ZARR-CODEC-BYTES-002", new FixtureArray("int16", [4], [4], 0, 0, V(1, 2, 3, 4)),
            [.. one, .. one, .. one, 0x00]);
        BadChunk("bytes-too-long", "A chunk longer than the bytes codec's fixed size is refused.", bytesFormat,
            "ZARR-CODEC-BYTES-002", new FixtureArray("int16", [4], [4], 0, 0, V(1, 2, 3, 4)),
            [.. one, .. one, .. one, .. one, .. one]);
        BadChunk("bool-byte-2", "A bool element stored as 2 is neither false (0) nor true (1).", bytesFormat,
            "ZARR-CODEC-BYTES-003", new FixtureArray("bool", [4], [4], false, false, V(false, false, false, false), codecs: L(Bytes)),
            [0x00, 0x01, 0x02, 0x00]);
        BadChunk("gzip-not-gzip", "A chunk that is not gzip data cannot be decoded by gzip.", gzipFormat,
            "ZARR-CODEC-GZIP-002", new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Gz(1))),
            "this is not gzip\0\0\0\0"u8.ToArray());
        byte[] member = GzipMember.Encode([0x01, 0x02, 0x03, 0x04], 1);
        // The trailer's CRC-32 (RFC 1952 2.3.1) then no longer matches the data.
        member[^8] ^= 0xFF;
        BadChunk("gzip-bad-trailer-crc", "A gzip member whose CRC-32 trailer does not match its data is corrupt.", gzipFormat,
            "ZARR-CODEC-GZIP-002", new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Gz(1))), member);
        BadChunk("gzip-inflates-too-much", "gzip data that inflates to more bytes than the chunk holds is refused.", decoding,
            "ZARR-CHUNK-001", new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Gz(1))),
            GzipMember.Encode([0x01, 0x02, 0x03, 0x04, 0x05], 1));
        BadChunk("gzip-inflates-too-little", "gzip data that inflates to fewer bytes than the chunk holds is refused.",
            bytesFormat, "ZARR-CODEC-BYTES-002", new FixtureArray("uint8", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Bytes, Gz(1))),
            GzipMember.Encode([0x01, 0x02, 0x03], 1));
        byte[] payload = [0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00];
        byte[] mismatch = ChunkEncoder.WithCrc32C(payload);
        BinaryPrimitives.WriteUInt32LittleEndian(mismatch.AsSpan(payload.Length), Crc32C.Compute(payload) ^ 1);
        BadChunk("crc32c-mismatch", "A chunk whose stored CRC-32C differs from its data's is refused.", crcFormat,
            "ZARR-CODEC-CRC32C-002", new FixtureArray("int16", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Le, Crc)), mismatch);
        BadChunk("crc32c-too-short", "A chunk shorter than 4 bytes cannot hold a CRC-32C.", crcFormat,
            "ZARR-CODEC-CRC32C-002", new FixtureArray("int16", [4], [4], 0, 0, V(0, 0, 0, 0), codecs: L(Le, Crc)), [0x01, 0x02, 0x03]);
        BadChunk("vlen-count-mismatch", "A vlen chunk must declare as many elements as the chunk holds.", ExtensionCodecs,
            "ZARR-CODEC-VLEN-001", new FixtureArray("string", [2], [2], "", "", V("", "")), ChunkEncoder.Vlen([[(byte)'a'], [(byte)'b'], [(byte)'c']]));
        BadChunk("vlen-length-past-end", "A vlen element length running past the end of the chunk is refused.", ExtensionCodecs,
            "ZARR-CODEC-VLEN-001", new FixtureArray("string", [2], [2], "", "", V("", "")),
            [2, 0, 0, 0, 1, 0, 0, 0, (byte)'a', 100, 0, 0, 0, (byte)'b', (byte)'c']);
        BadChunk("vlen-invalid-utf8", "vlen-utf8 elements of a string array must be valid UTF-8.", ExtensionCodecs,
            "ZARR-CODEC-VLEN-001", new FixtureArray("string", [2], [2], "", "", V("", "")),
            ChunkEncoder.Vlen(["ok"u8.ToArray(), [0xff, 0xfe, 0xc3]]));
        BadChunk("vlen-trailing-bytes", "Bytes left over after the last vlen element are refused.", ExtensionCodecs,
            "ZARR-CODEC-VLEN-001", new FixtureArray("bytes", [2], [2], L(), Array.Empty<byte>(), V(Array.Empty<byte>(), Array.Empty<byte>())),
            [.. ChunkEncoder.Vlen([[(byte)'a'], [(byte)'b']]), 0x00]);
        return a.Cases;
    }
}
