using System.Buffers.Binary;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>The blosc codec: frames as c-blosc lays them out, its configuration, and broken frames.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/blosc/#format-and-algorithm"/></remarks>
internal static class BloscCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("codecs");
        string format = CodecPage("blosc", "format-and-algorithm");
        string configuration = CodecPage("blosc", "configuration-parameters");
        string decoding = Core("decoding-procedure");

        a.Valid("blosc-memcpyed", "At clevel 0 a Blosc frame holds the chunk's bytes as they are after its header.", format,
            new FixtureArray("int16", [6], [6], 0, 0, V(1, -2, 300, -400, 32767, -32768), codecs: L(Le, BloscDefinition.Create("zlib", 0, "shuffle", 2))));
        a.Valid("blosc-zlib-noshuffle", "Blosc with zlib streams and no shuffle, one block per chunk.", format,
            new FixtureArray("int32", [100], [50], 0, 0, Each(100, i => (i * i) - 2000), codecs: L(Le, BloscDefinition.Create("zlib", 5, "noshuffle", 4))));
        a.Valid("blosc-zlib-shuffle-split", "Byte shuffle over 4-byte floats, each block stored as one zlib stream per byte plane.",
            format, new FixtureArray("float32", [300], [300], 0, FloatBits(4, 0.0), Each(300, i => FloatBits(4, (i * 0.25) - 30)),
                codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 4))));
        a.Valid("blosc-zlib-bitshuffle", "Bit shuffle over uint16: one row per bit of each byte, stored as two zlib streams.", format,
            new FixtureArray("uint16", [256], [256], 0, 0, Each(256, i => i * 37 % 1000), codecs: L(Le, BloscDefinition.Create("zlib", 9, "bitshuffle", 2))));
        a.Valid("blosc-bitshuffle-partial", "Bit shuffle leaves a block of 100 elements, not a multiple of 8, as it is.", format,
            new FixtureArray("uint32", [100], [100], 0, 0, Each(100, i => i * 65537), codecs: L(Le, BloscDefinition.Create("zlib", 1, "bitshuffle", 4))));
        a.Valid("blosc-several-blocks", "blocksize 256 cuts an 800-byte chunk into three blocks and a last, shorter one.", format,
            new FixtureArray("int64", [100], [100], 0, 0, Each(100, i => (i * (1L << 33)) - 7),
                codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 8, 256))));
        a.Valid("blosc-split-several-blocks", "Full blocks split into one stream per byte, the shorter last block as one stream.",
            format, new FixtureArray("int16", [600], [600], 0, 0, Each(600, i => (i / 3) - 100),
                codecs: L(Be, BloscDefinition.Create("zlib", 5, "shuffle", 2, 512))));
        a.Valid("blosc-unsplit-flag", "The \"dont split\" flag keeps a block that could be split as one stream.", format,
            new FixtureArray("float32", [300], [300], 0, FloatBits(4, 0.0), Each(300, i => FloatBits(4, (i * 0.25) - 30)),
                codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 4, frame: new BloscFrameOptions { Split = false }))));
        byte[] noisy = Noise(300, 7);
        a.Valid("blosc-raw-stream", "A stream that zlib cannot shrink is stored as it is, with its length as its size.", format,
            new FixtureArray("int16", [300], [300], 0, 0, Each(300, i => noisy[i] - ((noisy[i] & 0x80) * 2)), codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 2))));
        a.Valid("blosc-header-typesize", "Frames are read by their header: here typesize 1, where the configuration says 4.", format,
            new FixtureArray("int32", [64], [64], 0, 0, Each(64, i => i - 32),
                codecs: L(Le, BloscDefinition.Create("zlib", 3, "shuffle", 4, frame: new BloscFrameOptions { HeaderTypesize = 1 }))));

        a.Valid("blosc-in-shards", "Blosc inside sharding_indexed, as zarr-java writes it: each inner chunk one frame.",
            format, new FixtureArray("int32", [16, 16], [16, 16], 0, 0, Ints(256, -100),
                codecs: L(Shard([8, 8], codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 4))))));

        var snappy = new FixtureArray("uint8", [200], [200], 0, 0, Each(200, i => i < 100 ? 7 : 9),
            codecs: L(Bytes, BloscDefinition.Create("snappy", 5, "noshuffle", 1, frame: new BloscFrameOptions { Compress = BloscFrame.SnappyRuns })));
        snappy.AddTo(a.Case("blosc-snappy", "A Blosc frame of snappy streams: valid, but snappy is not supported by every reader.",
            format, "unsupported", "/", "read", "ZARR-CODEC-BLOSC-002"), "/");

        static JsonMembers Blosc(params (string Name, object? Value)[] changes)
        {
            JsonMembers conf = Edit(new JsonMembers { { "typesize", 2 }, { "cname", "zlib" }, { "clevel", 5 }, { "shuffle", "shuffle" }, { "blocksize", 0 } }, changes);
            return Base(("codecs", L(Le, new JsonMembers { { "name", "blosc" }, { "configuration", conf } })));
        }

        string rule = "ZARR-CODEC-BLOSC-001";
        a.Bad("blosc-cname-unknown", "cname must be a compressor the spec lists.", configuration, rule, Blosc(("cname", "lzma")));
        a.Bad("blosc-clevel-10", "clevel is an integer from 0 to 9.", configuration, rule, Blosc(("clevel", 10)));
        a.Bad("blosc-typesize-0", "typesize is a positive integer.", configuration, rule, Blosc(("typesize", 0)));
        a.Bad("blosc-typesize-missing", "typesize is required when shuffling.", configuration, rule, Blosc(("typesize", Drop), ("shuffle", "bitshuffle")));
        a.Bad("blosc-shuffle-number", "shuffle is one of the names \"noshuffle\", \"shuffle\", \"bitshuffle\", not Zarr v2's numbers.",
            configuration, rule, Blosc(("shuffle", 1)));
        a.Bad("blosc-unknown-member", "blosc has no configuration member other than those the spec lists.", configuration, rule,
            Blosc(("nthreads", 1)));

        void BadFrame(string name, string description, string spec, string rule, byte[] frame)
        {
            var array = new FixtureArray("int16", [300], [300], 0, 0, Each(300, _ => 0), codecs: L(Le, BloscDefinition.Create("zlib", 5, "shuffle", 2)));
            array.ChunkBytes["c/0"] = frame;
            array.AddTo(a.Case(name, description, spec, "invalid", "/", "read", rule), "/");
        }

        byte[] good = BloscFrame.Encode([.. Enumerable.Range(0, 300).SelectMany(i => ElementBytes("int16", (i / 3) - 50, bigEndian: false))],
            new JsonMembers { { "typesize", 2 }, { "cname", "zlib" }, { "clevel", 5 }, { "shuffle", "shuffle" }, { "blocksize", 0 } }, BloscFrameOptions.Default);
        rule = "ZARR-CODEC-BLOSC-002";
        BadFrame("blosc-frame-truncated", "A frame shorter than the cbytes its header states is refused.", format, rule, good[..^5]);
        byte[] code = (byte[])good.Clone();
        code[2] = (byte)((code[2] & 0x1F) | (6 << 5));
        BadFrame("blosc-bad-compressor-code", "Compressor code 6 in the flags names no Blosc compressor.", format, rule, code);
        byte[] corrupt = (byte[])good.Clone();
        // The last stream's zlib checksum (RFC 1950 2.2, ADLER32).
        corrupt[^1] ^= 0xFF;
        BadFrame("blosc-corrupt-stream", "A stream that is not the zlib data its size says is refused.", format, rule, corrupt);
        byte[] offset = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(offset.AsSpan(16), (uint)good.Length + 10);
        BadFrame("blosc-block-offset-out-of-range", "A block offset past the end of the frame is refused.", format, rule, offset);
        byte[] bigger = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bigger.AsSpan(4), 6000);
        BadFrame("blosc-nbytes-too-large", "A frame that decodes to more bytes than the chunk holds is refused before decoding.",
            decoding, "ZARR-CHUNK-001", bigger);
        return a.Cases;
    }

    /// <summary>Bytes from a linear congruential generator: they do not compress.</summary>
    private static byte[] Noise(int count, long seed)
    {
        byte[] output = new byte[count];
        for (int i = 0; i < count; i++)
        {
            seed = ((seed * 1103515245) + 12345) & 0x7FFFFFFF;
            output[i] = (byte)((seed >> 16) & 0xFF);
        }
        return output;
    }
}
