using System.Globalization;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// The read suite: every data type through every codec chain, one valid case each, with the
/// chunk key encodings, edge shapes (0-d, dimensions of length 1, ragged edge chunks, unstored
/// chunks) and fill values spread over the cases so that each data type and each chain meets
/// most of them: a covering design rather than the full product. Then each fill value of each
/// data type once more on an array with unstored chunks, where a reader must produce it.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#chunk-encoding"/></remarks>
internal static class ReadSuiteCases
{
    private const string ZstdPage = "https://github.com/zarr-developers/zarr-extensions/tree/main/codecs/zstd";

    private static readonly int[] GzipLevels = [1, 5, 9, 0];

    /// <summary>zstd levels: 0 is the library default, negative levels the fast ones.</summary>
    private static readonly int[] ZstdLevels = [3, 0, -1, 10];

    private static readonly int[][] Orders3d = [[2, 0, 1], [1, 2, 0], [2, 1, 0]];

    private static readonly string[] FixedSizeTypes =
    [
        "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float16", "float32", "float64", "complex64", "complex128", "r8", "r16", "r24",
    ];

    private static readonly ReadSuiteShape[] Shapes =
    [
        new("0d", "a 0-d array", [], [], [], [], [], []),
        new("1d-ragged", "a 1-d array with a ragged last chunk", [10], [8], [4], [2], [], []),
        new("2d-ragged", "a 2-d array ragged in both dimensions", [5, 6], [2, 4], [2, 2], [1, 2], [], []),
        new("3d", "a 3-d array ragged in its first dimension", [3, 4, 2], [2, 2, 2], [1, 2, 2], [1, 1, 2], [], []),
        new("size-1-dims", "a 3-d array with two dimensions of length 1", [1, 12, 1], [1, 8, 1], [1, 4, 1], [1, 2, 1], [], []),
        new("unstored-chunks", "a 2-d array with an all-fill chunk left unstored and a missing chunk, both read as the fill value",
            [4, 8], [2, 4], [2, 2], [1, 2], [[0, 1]], [[1, 0]]),
    ];

    private static readonly (string Tag, string Phrase, Func<JsonMembers> Make)[] KeyEncodings =
    [
        ("default-slash", "default chunk keys with \"/\"", () => KeysDefault("/")),
        ("default-dot", "default chunk keys with \".\"", () => KeysDefault(".")),
        ("v2-dot", "v2 chunk keys with \".\"", () => KeysV2(".")),
        ("v2-slash", "v2 chunk keys with \"/\"", () => KeysV2("/")),
    ];

    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("read-suite");
        ReadSuiteChain[] fixedChains = FixedChains();
        ReadSuiteChain[] vlenChains = VlenChains();
        string[] vlenTypes = ["string", "bytes"];
        (string DataType, ReadSuiteChain[] Chains)[] types =
            [.. FixedSizeTypes.Select(t => (t, fixedChains)), .. vlenTypes.Select(t => (t, vlenChains))];
        for (int i = 0; i < types.Length; i++)
        {
            (string dataType, ReadSuiteChain[] chains) = types[i];
            IReadOnlyList<(object? Json, object Element)> fills = ReadSuiteValues.Fills(dataType);
            for (int j = 0; j < chains.Length; j++)
            {
                ReadSuiteChain chain = chains[j];
                ReadSuiteShape[] shapes = [.. Shapes.Where(chain.Fits)];
                ReadSuiteShape shape = shapes[(i + j) % shapes.Length];
                int keys = (i + j + (j / 2)) % KeyEncodings.Length;
                (object? fillJson, object fill) = fills[(j + (i / 3)) % fills.Count];
                (FixtureArray array, string chainPhrase) = Build(dataType, chain, shape, keys, fillJson, fill, i + j);
                a.Valid($"{dataType}-{chain.Tag}-{KeyEncodings[keys].Tag}-{shape.Tag}",
                    $"{dataType} through {chainPhrase}, in {shape.Phrase}, with {KeyEncodings[keys].Phrase} and fill value {FixtureJson.Text(fillJson)}.",
                    chain.Spec, array);
            }
        }
        // Every fill value of every data type once more where it shows: in chunks that are not stored.
        ReadSuiteShape unstored = Shapes[^1];
        for (int i = 0; i < types.Length; i++)
        {
            (string dataType, ReadSuiteChain[] chains) = types[i];
            IReadOnlyList<(object? Json, object Element)> fills = ReadSuiteValues.Fills(dataType);
            for (int f = 0; f < fills.Count; f++)
            {
                ReadSuiteChain chain = chains[(i + (5 * f)) % chains.Length];
                int keys = (i + f + 1) % KeyEncodings.Length;
                (object? fillJson, object fill) = fills[f];
                (FixtureArray array, string chainPhrase) = Build(dataType, chain, unstored, keys, fillJson, fill, i + f);
                a.Valid($"{dataType}-fill-{Slug(fillJson)}-{chain.Tag}-{KeyEncodings[keys].Tag}",
                    $"{dataType} chunks that are not stored read as the fill value {FixtureJson.Text(fillJson)}, which the data also holds; "
                    + $"through {chainPhrase}, with {KeyEncodings[keys].Phrase}.",
                    Fills, array);
            }
        }
        return a.Cases;
    }

    /// <summary>The array of one case, with fill values at every seventh element and in the shape's all-fill chunks.</summary>
    private static (FixtureArray Array, string ChainPhrase) Build(string dataType, ReadSuiteChain chain, ReadSuiteShape shape, int keys,
        object? fillJson, object fill, int variant)
    {
        (List<object?> codecs, string chainPhrase) = chain.Build(dataType, shape, variant);
        int[] strides = ChunkEncoder.CStrides(shape.Shape);
        object[] values = new object[shape.Size];
        foreach (int[] position in ChunkEncoder.Positions(shape.Shape))
        {
            int k = ChunkEncoder.Flat(position, strides);
            int[] chunk = [.. position.Select((p, d) => p / shape.ChunkShape[d])];
            bool fillChunk = shape.FillChunks.Any(c => c.SequenceEqual(chunk));
            values[k] = fillChunk || (k % 7 == 4) ? fill : ReadSuiteValues.Value(dataType, k, variant);
        }
        var array = new FixtureArray(dataType, shape.Shape, shape.ChunkShape, fillJson, fill, values, codecs: codecs,
            keys: KeyEncodings[keys].Make(), missing: [.. shape.FillChunks, .. shape.MissingChunks]);
        return (array, chainPhrase);
    }

    /// <summary>A fill value as a name part: <c>nan</c>, <c>minus-infinity</c>, <c>0x7e01</c>, <c>1-2</c>, <c>empty</c>.</summary>
    private static string Slug(object? json) => json switch
    {
        IList<object?> list => list.Count == 0 ? "empty" : string.Join("-", list.Select(Slug)),
        string text => text.Length == 0 ? "empty" : Token(text),
        _ => Token(FixtureJson.Text(json)),
    };

    private static string Token(string text)
    {
        string lower = text.ToLowerInvariant();
        string body = new([.. lower.TrimStart('-').Where(c => char.IsAsciiLetterOrDigit(c) || c == '.')]);
        return (lower.StartsWith('-') ? "minus-" : "") + body;
    }

    private static ReadSuiteChain[] FixedChains()
    {
        string shardFormat = Spec + "codecs/sharding-indexed/#binary-shard-format";
        return
        [
            new("bytes-little", DataTypes + "#core-data-types", false, false, (_, _, _) => (L(Le), "the bytes codec, little-endian")),
            new("bytes-big", CodecPage("bytes", "format-and-algorithm"), false, false, (_, _, _) => (L(Be), "the bytes codec, big-endian")),
            new("transpose", CodecPage("transpose", "format-and-algorithm"), true, false, (_, shape, v) =>
            {
                int[] order = Order(shape, v);
                return (L(Tr(order), v % 2 == 0 ? Le : Be), $"transpose with order {OrderText(order)} and the bytes codec");
            }),
            new("gzip", CodecPage("gzip", "format-and-algorithm"), false, false, (_, _, v) =>
            {
                int level = GzipLevels[v % GzipLevels.Length];
                return (L(Le, Gz(level)), $"gzip at level {level}");
            }),
            new("zstd", ZstdPage, false, false, (_, _, v) =>
            {
                int level = ZstdLevels[v % ZstdLevels.Length];
                bool checksum = v % 3 == 0;
                return (L(Le, Zstd(level, checksum)), $"zstd at level {level}{(checksum ? " with a checksum" : "")}");
            }),
            new("crc32c", CodecPage("crc32c", "format-and-algorithm"), false, false, (_, _, _) => (L(Le, Crc), "crc32c")),
            Blosc("lz4", 5, "shuffle", "byte shuffle"),
            Blosc("zstd", 3, "bitshuffle", "bit shuffle"),
            Blosc("blosclz", 5, "noshuffle", "no shuffle"),
            Blosc("zlib", 1, "shuffle", "byte shuffle"),
            new("shard-index-end", shardFormat, false, true, (dataType, shape, v) =>
            {
                (List<object?> inner, string phrase) = InnerCodecs(dataType, v);
                string? location = v % 2 == 0 ? null : "end";
                return (L(Shard(shape.Inner, inner, IndexCodecs(v), location)), $"sharding_indexed with the index at the end and inner {phrase}");
            }),
            new("shard-index-start", shardFormat, false, true, (dataType, shape, v) =>
            {
                (List<object?> inner, string phrase) = InnerCodecs(dataType, v + 1);
                return (L(Shard(shape.Inner, inner, IndexCodecs(v), "start")), $"sharding_indexed with the index at the start and inner {phrase}");
            }),
            new("shard-nested", shardFormat, false, true, (dataType, shape, v) =>
            {
                (List<object?> inner, string phrase) = InnerCodecs(dataType, v + 2);
                JsonMembers nested = Shard(shape.InnerInner, inner, IndexCodecs(v + 1), v % 2 == 0 ? "start" : null);
                return (L(Shard(shape.Inner, L(nested), IndexCodecs(v))), $"sharding_indexed inside sharding_indexed, innermost {phrase}");
            }),
            new("long-chain", Core("chunk-encoding"), true, false, (_, shape, v) =>
            {
                int[] order = Order(shape, v);
                bool gzip = v % 2 == 0;
                return (L(Tr(order), v % 3 == 0 ? Be : Le, gzip ? Gz(6) : Zstd(5, checksum: true), Crc),
                    $"transpose {OrderText(order)}, bytes, {(gzip ? "gzip" : "zstd")} and crc32c");
            }),
        ];
    }

    /// <summary>Chains of the variable-length types: their vlen codec alone, compressed, checksummed, transposed and sharded.</summary>
    private static ReadSuiteChain[] VlenChains()
    {
        string shardFormat = Spec + "codecs/sharding-indexed/#binary-shard-format";
        return
        [
            new("vlen", ExtensionDataTypes, false, false, (dataType, _, _) => (L(Vlen(dataType)), VlenName(dataType))),
            new("vlen-gzip", CodecPage("gzip", "format-and-algorithm"), false, false, (dataType, _, _) => (L(Vlen(dataType), Gz(5)), VlenName(dataType) + " and gzip")),
            new("vlen-zstd", ZstdPage, false, false, (dataType, _, _) => (L(Vlen(dataType), Zstd(3, checksum: true)), VlenName(dataType) + " and zstd")),
            new("vlen-crc32c", CodecPage("crc32c", "format-and-algorithm"), false, false, (dataType, _, _) => (L(Vlen(dataType), Crc), VlenName(dataType) + " and crc32c")),
            new("transpose-vlen", CodecPage("transpose", "format-and-algorithm"), true, false, (dataType, shape, v) =>
            {
                int[] order = Order(shape, v);
                return (L(Tr(order), Vlen(dataType)), $"transpose with order {OrderText(order)} and {VlenName(dataType)}");
            }),
            new("shard-index-end", shardFormat, false, true, (dataType, shape, v) =>
                (L(Shard(shape.Inner, L(Vlen(dataType)), IndexCodecs(v))), $"sharding_indexed with the index at the end and inner {VlenName(dataType)}")),
            new("shard-index-start", shardFormat, false, true, (dataType, shape, v) =>
                (L(Shard(shape.Inner, L(Vlen(dataType), Gz(1)), IndexCodecs(v + 1), "start")),
                    $"sharding_indexed with the index at the start and inner {VlenName(dataType)} and gzip")),
            new("shard-nested", shardFormat, false, true, (dataType, shape, v) =>
            {
                JsonMembers nested = Shard(shape.InnerInner, L(Vlen(dataType), Zstd(1)), IndexCodecs(v + 2), "start");
                return (L(Shard(shape.Inner, L(nested), IndexCodecs(v))), $"sharding_indexed inside sharding_indexed, innermost {VlenName(dataType)} and zstd");
            }),
            new("long-chain", Core("chunk-encoding"), true, false, (dataType, shape, v) =>
            {
                int[] order = Order(shape, v);
                return (L(Tr(order), Vlen(dataType), Zstd(7, checksum: false), Crc), $"transpose {OrderText(order)}, {VlenName(dataType)}, zstd and crc32c");
            }),
        ];
    }

    private static ReadSuiteChain Blosc(string cname, int clevel, string shuffle, string shufflePhrase) =>
        new($"blosc-{cname}-{shuffle}", CodecPage("blosc", "format-and-algorithm"), false, false, (dataType, _, v) =>
        {
            int typesize = ReadSuiteValues.ElementSize(dataType);
            return (L(v % 5 == 4 ? Be : Le, BloscDefinition.Create(cname, clevel, shuffle, typesize)),
                $"blosc ({cname}, {shufflePhrase}, typesize {typesize.ToString(CultureInfo.InvariantCulture)})");
        });

    /// <summary>Inner codecs of a shard: plain, gzip, zstd, crc32c or blosc after the bytes codec.</summary>
    private static (List<object?> Codecs, string Phrase) InnerCodecs(string dataType, int v) => (v % 5) switch
    {
        0 => (L(Le), "bytes"),
        1 => (L(Le, Gz(1)), "bytes and gzip"),
        2 => (L(Be, Zstd(3)), "big-endian bytes and zstd"),
        3 => (L(Le, Crc), "bytes and crc32c"),
        _ => (L(Le, BloscDefinition.Create("lz4", 5, "shuffle", ReadSuiteValues.ElementSize(dataType))), "bytes and blosc lz4"),
    };

    /// <summary>Index codecs of a shard: either endian, with or without crc32c.</summary>
    private static List<object?> IndexCodecs(int v) => (v % 4) switch
    {
        0 => L(Le, Crc),
        1 => L(Le),
        2 => L(Be, Crc),
        _ => L(Be),
    };

    private static int[] Order(ReadSuiteShape shape, int v) => shape.Rank == 2
        ? [1, 0]
        : Orders3d[v % Orders3d.Length];

    private static string OrderText(int[] order) => "[" + string.Join(", ", order.Select(o => o.ToString(CultureInfo.InvariantCulture))) + "]";

    private static JsonMembers Vlen(string dataType) => dataType == "string" ? VlenUtf8 : VlenBytes;

    private static string VlenName(string dataType) => dataType == "string" ? "vlen-utf8" : "vlen-bytes";
}
