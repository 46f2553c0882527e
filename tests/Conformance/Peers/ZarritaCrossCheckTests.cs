using System.Buffers.Binary;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Peers;

/// <summary>
/// zarrita, a Zarr v3 implementation written by others, as the oracle in both directions:
/// arrays it writes must `conformance cat` to the values it reads back, and arrays our writer
/// produces must read in zarrita to the values we wrote.
/// </summary>
[NonParallelizable]
public sealed class ZarritaCrossCheckTests
{
    /// <summary>
    /// Where zarrita departs from the spec, by array path: these must still differ (a listed
    /// array that starts to agree fails the test, so the list can only shrink).
    /// </summary>
    private static readonly Dictionary<string, string> KnownDeviations = new(StringComparer.Ordinal)
    {
        // codecs/bytes: bool is one byte and "does not depend on endian"; zarrita 0.7.5
        // reverses bool bytes in 4-byte groups under endian "big", when writing and reading.
        ["bool/bytes-be-2d"] = "zarrita swaps bool bytes under endian big",
        ["bool/zstd-2d"] = "zarrita swaps bool bytes under endian big",
        ["bool/bytes-be"] = "zarrita swaps bool bytes under endian big",
        ["bool/zstd"] = "zarrita swaps bool bytes under endian big",
    };

    /// <summary>
    /// codecs/sharding-indexed: index_location "start" puts the index first; zarrita 0.7.5
    /// always reads the index from the end of the shard, so it cannot read such arrays.
    /// </summary>
    private static IEnumerable<string> IndexAtStart => Types.Select(t => t.Name + "/sharded-index-start");

    private static string? KnownDeviation(string path) =>
        KnownDeviations.TryGetValue(path, out string? known) ? known
        : IndexAtStart.Contains(path) ? "zarrita reads the shard index from the end whatever index_location says"
        : null;

    [Test]
    public async Task Arrays_zarrita_writes_cat_to_the_values_zarrita_reads()
    {
        ZarritaPeer.Require();
        using var directory = new TempDirectory();
        string root = Path.Combine(directory.Path, "zarrita.zarr");
        await ZarritaPeer.WriteAsync(root);
        string[] arrays = File.ReadAllLines(Path.Combine(root, "arrays.txt")).Where(l => l.Length > 0).ToArray();
        Assert.That(arrays, Has.Length.GreaterThan(50), "the harness writes the full set");
        List<string> differences = await Compare(root, arrays);
        Assert.That(differences, Is.Empty);
    }

    [Test]
    public async Task Arrays_we_write_read_in_zarrita_to_the_values_we_wrote()
    {
        ZarritaPeer.Require();
        using var directory = new TempDirectory();
        string root = Path.Combine(directory.Path, "ours.zarr");
        var store = new DirectoryStore(root);
        await ZarrGroup.CreateAsync(store);
        var written = new List<string>();
        var random = new Random(20261125);
        foreach ((string name, ArrayMetadata metadata) in Arrays())
        {
            ZarrArray array = await ZarrArray.CreateAsync(store, "/" + name, metadata);
            NdArray data = name.Contains("/blosc-smooth-", StringComparison.Ordinal) ? Smooth(metadata) : Values(metadata, random);
            // Leave the first chunk unwritten where there are several, so fill values are read too.
            if (metadata.Shape.Length > 0 && metadata.Shape[0] > metadata.ChunkGrid.ChunkShape[0])
            {
                long[] start = new long[metadata.Shape.Length];
                start[0] = metadata.ChunkGrid.ChunkShape[0];
                await array.WriteAsync(start, NdArrays.Slice(data, [.. start.Select(s => (int)s)], [.. data.Shape.Select((n, d) => d == 0 ? n - (int)start[0] : n)]));
            }
            else
            {
                await array.WriteAllAsync(data);
            }
            written.Add(name);
        }
        List<string> differences = await Compare(root, written);
        Assert.That(differences, Is.Empty);
    }

    [Test]
    public async Task Zarr_python_arrays_in_the_shared_corpus_cat_to_what_zarrita_reads()
    {
        string root = Path.Combine(RepoPaths.SharedInterop, "zarr-v3", "zarrita.js", "fixtures", "v3", "data.zarr");
        if (!Directory.Exists(root))
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        ZarritaPeer.Require();
        var readable = new List<string>();
        var pending = new Stack<Node>([await ZarrHierarchy.OpenAsync(new DirectoryStore(root, readOnly: true))]);
        while (pending.TryPop(out Node? node))
        {
            if (node is ZarrArray)
            {
                readable.Add(node.Path.TrimStart('/'));
            }
            else if (node is GroupNode group)
            {
                foreach (Node child in await group.GetChildrenAsync())
                {
                    pending.Push(child);
                }
            }
        }
        Assert.That(readable, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(await Compare(root, readable), Is.Empty);
    }

    private static async Task<List<string>> Compare(string root, IReadOnlyList<string> arrays)
    {
        var differences = new List<string>();
        await Parallel.ForEachAsync(arrays, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (path, token) =>
        {
            ZarrArray array = await ZarrArray.OpenAsync(new DirectoryStore(root, readOnly: true), path, cancellationToken: token);
            using var ours = new StringWriter();
            using var errors = new StringWriter();
            int code = await Cli.RunAsync(["cat", root, "--array", path], ours, errors, token);
            string? theirs = null;
            string? zarritaError = null;
            try
            {
                theirs = await ZarritaPeer.ReadAsync(root, path);
            }
            catch (InvalidOperationException e)
            {
                zarritaError = "zarrita failed: " + e.Message;
            }
            string? difference = code != 0
                ? "conformance cat failed: " + errors
                : zarritaError ?? ElementLineComparer.FirstDifference(array.Metadata.DataType, ours.ToString(), theirs!);
            if (KnownDeviation(path) is string known)
            {
                difference = difference is null ? $"listed as a known zarrita deviation ({known}) but now agrees: remove it from the list" : null;
            }
            if (difference is not null)
            {
                lock (differences)
                {
                    differences.Add($"{path}: {difference}");
                }
            }
        });
        return differences;
    }

    private static readonly ZarrDataType[] Types =
    [
        BoolDataType.Instance,
        IntegerDataType.Int8, IntegerDataType.Int16, IntegerDataType.Int32, IntegerDataType.Int64,
        IntegerDataType.UInt8, IntegerDataType.UInt16, IntegerDataType.UInt32, IntegerDataType.UInt64,
        FloatDataType.Float16, FloatDataType.Float32, FloatDataType.Float64,
        StringDataType.Instance,
    ];

    private static readonly BloscCompressor[] BloscCompressors =
        [BloscCompressor.Lz4, BloscCompressor.Lz4hc, BloscCompressor.BloscLz, BloscCompressor.Zstd, BloscCompressor.Zlib];

    /// <summary>Every data type zarrita reads, across codec chains and key encodings.</summary>
    private static IEnumerable<(string Name, ArrayMetadata Metadata)> Arrays()
    {
        for (int t = 0; t < Types.Length; t++)
        {
            ZarrDataType type = Types[t];
            bool text = type == StringDataType.Instance;
            IArrayToBytesCodec le = text ? VlenCodec.Utf8 : BytesCodec.Little;
            IArrayToBytesCodec be = text ? VlenCodec.Utf8 : BytesCodec.Big;
            byte[] fill = Fill(type);
            yield return (type.Name + "/bytes-le", new ArrayMetadata([7, 5], type, new RegularChunkGrid([3, 2]), [le], fill));
            yield return (type.Name + "/bytes-be", new ArrayMetadata([9], type, new RegularChunkGrid([4]), [be], fill));
            yield return (type.Name + "/transpose", new ArrayMetadata([4, 3, 5], type, new RegularChunkGrid([3, 2, 4]), [new TransposeCodec([2, 0, 1]), le], fill));
            yield return (type.Name + "/gzip", new ArrayMetadata([10, 6], type, new RegularChunkGrid([4, 4]), [le, new GzipCodec(1)], fill));
            yield return (type.Name + "/zstd", new ArrayMetadata([10, 6], type, new RegularChunkGrid([4, 4]), [be, new ZstdCodec(3)], fill));
            yield return (type.Name + "/crc32c", new ArrayMetadata([6, 6], type, new RegularChunkGrid([4, 4]), [le, Crc32cCodec.Instance], fill));
            yield return (type.Name + "/gzip-crc32c", new ArrayMetadata([6], type, new RegularChunkGrid([4]), [le, new GzipCodec(6), Crc32cCodec.Instance], fill));
            yield return (type.Name + "/scalar", new ArrayMetadata([], type, new RegularChunkGrid([]), [le], fill));
            yield return (type.Name + "/keys-dot", new ArrayMetadata([5, 3], type, new RegularChunkGrid([2, 2]), [le], fill, ChunkKeyEncoding.Create("default", '.')));
            yield return (type.Name + "/keys-v2", new ArrayMetadata([5, 3], type, new RegularChunkGrid([2, 2]), [le], fill, ChunkKeyEncoding.V2));
            yield return (type.Name + "/keys-v2-slash", new ArrayMetadata([5, 3], type, new RegularChunkGrid([2, 2]), [le], fill, ChunkKeyEncoding.Create("v2", '/')));
            yield return (type.Name + "/scalar-v2", new ArrayMetadata([], type, new RegularChunkGrid([]), [le], fill, ChunkKeyEncoding.V2));
            // Blosc: two arrays a type, together every compressor we write with every shuffle;
            // chunks of 256 elements are compressed (c-blosc copies buffers under 128 bytes).
            for (int k = 2 * t; k < (2 * t) + 2; k++)
            {
                BloscCompressor compressor = BloscCompressors[k % BloscCompressors.Length];
                var shuffle = (BloscShuffle)(k / BloscCompressors.Length % 3);
                var blosc = new BloscCodec(compressor, 1 + (k % 9), shuffle, Math.Max(type.ElementType.Size, 1), k % 3 == 2 ? 256 : 0);
                string values = k % 2 == 0 ? "smooth" : "random";
                yield return ($"{type.Name}/blosc-{values}-{blosc.ToDefinition().Configuration!["cname"]}-{shuffle}",
                    new ArrayMetadata([40, 30], type, new RegularChunkGrid([16, 16]), [k % 4 == 3 ? be : le, blosc], fill));
            }
            ICodec[] index = [BytesCodec.Little, Crc32cCodec.Instance];
            yield return (type.Name + "/sharded", new ArrayMetadata([9, 7], type, new RegularChunkGrid([4, 4]), [new ShardingCodec([2, 2], [le, new ZstdCodec(1)], index)], fill));
            yield return (type.Name + "/sharded-index-start", new ArrayMetadata([6, 5], type, new RegularChunkGrid([6, 6]), [new ShardingCodec([3, 2], [be, new GzipCodec(1)], [BytesCodec.Little], ShardIndexLocation.Start)], fill));
        }
        // Blosc lz4 inside shards, as zarr-java writes them.
        yield return ("special/sharded-blosc", new ArrayMetadata([40, 24], IntegerDataType.Int32, new RegularChunkGrid([20, 24]),
            [new ShardingCodec([10, 8], [BytesCodec.Little, new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.Shuffle, 4)], [BytesCodec.Little, Crc32cCodec.Instance])], [0, 0, 0, 0]));
        yield return ("special/dimension-names", new ArrayMetadata([3, 4], IntegerDataType.UInt8, new RegularChunkGrid([2, 3]), [BytesCodec.Little], [9])
        {
            DimensionNames = ["y", null],
        });
    }

    /// <summary>A fill value zarrita represents exactly: within ±2^53 and the canonical NaN.</summary>
    private static byte[] Fill(ZarrDataType type)
    {
        byte[] fill = new byte[Math.Max(type.ElementType.Size, 0)];
        switch (type.ElementType.Kind)
        {
            case ElementKind.Bool:
                fill[0] = 1;
                break;
            case ElementKind.String:
                return "-"u8.ToArray();
            case ElementKind.Float16 or ElementKind.Float32 or ElementKind.Float64:
                FloatBits.Write(fill, FloatBits.CanonicalNaN(fill.Length));
                break;
            default:
                fill[0] = 7;
                break;
        }
        return fill;
    }

    /// <summary>Slowly varying values, which compress, unlike random ones.</summary>
    private static NdArray Smooth(ArrayMetadata metadata)
    {
        NdArray data = NdArray.Create(metadata.DataType.ElementType, [.. metadata.Shape.Select(n => (int)n)]);
        ElementType type = data.ElementType;
        for (int i = 0; i < data.Count; i++)
        {
            int step = i / 4 % 100;
            if (type.Kind == ElementKind.String)
            {
                data.Items![i] = System.Text.Encoding.UTF8.GetBytes("s" + step);
                continue;
            }
            Span<byte> element = data.Bytes.Slice(i * type.Size, type.Size);
            switch (type.Kind)
            {
                case ElementKind.Bool:
                    element[0] = (byte)((i >> 4) & 1);
                    break;
                case ElementKind.Float16:
                    BinaryPrimitives.WriteHalfLittleEndian(element, (Half)(step * 0.5));
                    break;
                case ElementKind.Float32:
                    BinaryPrimitives.WriteSingleLittleEndian(element, step * 0.5f);
                    break;
                case ElementKind.Float64:
                    BinaryPrimitives.WriteDoubleLittleEndian(element, step * 0.5);
                    break;
                default:
                    element[0] = (byte)step;
                    break;
            }
        }
        return data;
    }

    /// <summary>Random values including each type's extremes and the float specials.</summary>
    private static NdArray Values(ArrayMetadata metadata, Random random)
    {
        int[] shape = [.. metadata.Shape.Select(n => (int)n)];
        NdArray data = NdArray.Create(metadata.DataType.ElementType, shape);
        ElementType type = data.ElementType;
        for (int i = 0; i < data.Count; i++)
        {
            if (type.Kind == ElementKind.String)
            {
                string[] samples = ["", "a", "héllo", "世界", "🚀", "line\nbreak", "\"quoted\""];
                data.Items![i] = System.Text.Encoding.UTF8.GetBytes(samples[random.Next(samples.Length)] + i);
                continue;
            }
            Span<byte> element = data.Bytes.Slice(i * type.Size, type.Size);
            if (type.Kind == ElementKind.Bool)
            {
                element[0] = (byte)random.Next(2);
                continue;
            }
            random.NextBytes(element);
            switch (type.Kind)
            {
                case ElementKind.Float16 or ElementKind.Float32 or ElementKind.Float64:
                    ulong[] specials = type.Size switch
                    {
                        2 => [0x7c00, 0xfc00, 0x8000, 0x0001, 0x7bff, 0x7e00],
                        4 => [0x7f800000, 0xff800000, 0x80000000, 0x00000001, 0x7f7fffff, 0x7fc00000],
                        _ => [0x7ff0000000000000, 0xfff0000000000000, 0x8000000000000000, 0x1, 0x7fefffffffffffff, 0x7ff8000000000000],
                    };
                    if (i < specials.Length)
                    {
                        FloatBits.Write(element, specials[i]);
                    }
                    else if (FloatBits.SpecialName(element) is not null)
                    {
                        // Random bits that happen to be NaN or infinite: keep them finite.
                        element[^1] &= 0x3F;
                    }
                    break;
                case ElementKind.Int64 when i == 0:
                    BinaryPrimitives.WriteInt64LittleEndian(element, long.MinValue);
                    break;
                case ElementKind.UInt64 when i == 0:
                    BinaryPrimitives.WriteUInt64LittleEndian(element, ulong.MaxValue);
                    break;
            }
        }
        return data;
    }
}
