using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Performance;

/// <summary>Chunk compression benchmarked: <c>bytes</c> alone, then gzip level 1 or zstd level 3 after it.</summary>
public enum ChunkCodec
{
    None,
    Gzip1,
    Zstd3,
}

/// <summary>
/// Reads and writes a whole 256 MiB array in 64^3 chunks through <see cref="ZarrArray"/> and a
/// <see cref="DirectoryStore"/>, beside its floor measured in the same run on the same bytes:
/// per chunk, the bytes-to-bytes codec alone plus the store's file I/O (same files, same
/// temp-file-and-rename writes, same degree of parallelism). The floors are the baselines of
/// their categories, so the Ratio column is array / floor; Program.cs also writes the ratios
/// as a table. The other floor variants locate the overhead: the row copies between the C-order
/// volume and contiguous chunks that any implementation needs, and what the atomic rename costs.
/// MemoryCopy, one copy of the 256 MiB, is the unit for what remains.
/// </summary>
[Config(typeof(FloorConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ArrayReadWriteBenchmarks
{
    public const string WriteCategory = "Write";
    public const string ReadCategory = "Read";
    public const string CopyCategory = "Copy";
    private const string ArrayPath = "/a";

    private readonly int _degreeOfParallelism = Environment.ProcessorCount;
    private DirectoryInfo? _root;
    private NdArray? _volume;
    private ChunkedVolume? _grid;
    private byte[][] _chunks = [];
    private string[] _floorPaths = [];
    private IBytesToBytesCodec? _codec;
    private ZarrArray? _array;
    private byte[] _target = [];

    [Params(SampleType.UInt16, SampleType.Float32)]
    public SampleType DataType { get; set; }

    [Params(ChunkCodec.None, ChunkCodec.Gzip1, ChunkCodec.Zstd3)]
    public ChunkCodec Codec { get; set; }

    private NdArray Volume => _volume ?? throw new InvalidOperationException("global setup has not run");

    private ChunkedVolume Grid => _grid ?? throw new InvalidOperationException("global setup has not run");

    private ZarrArray Stored => _array ?? throw new InvalidOperationException("global setup has not run");

    private DirectoryInfo Root => _root ?? throw new InvalidOperationException("global setup has not run");

    [GlobalSetup(Target = nameof(ArrayWrite))]
    public async Task SetupArrayWrite()
    {
        CreateVolume();
        _array = await ZarrArray.CreateAsync(new DirectoryStore(Path.Combine(Root.FullName, "store")), ArrayPath, Metadata(), Options(), overwrite: true);
    }

    [GlobalSetup(Target = nameof(ArrayRead))]
    public async Task SetupArrayRead()
    {
        CreateVolume();
        try
        {
            var store = new DirectoryStore(Path.Combine(Root.FullName, "store"));
            ZarrArray created = await ZarrArray.CreateAsync(store, ArrayPath, Metadata(), Options(), overwrite: true);
            await created.WriteAllAsync(Volume);
            _array = await ZarrArray.OpenAsync(store, ArrayPath, Options());
            using NdArray check = await Stored.ReadAllAsync();
            Verify(check.Bytes.SequenceEqual(Volume.Bytes), "the array read back differs from what was written");
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup when setup fails.
            Cleanup();
            throw;
        }
    }

    [GlobalSetup(Targets = [nameof(FloorWrite), nameof(FloorWriteGather), nameof(FloorWriteInPlace)])]
    public void SetupFloorWrite()
    {
        CreateFloor();
    }

    [GlobalSetup(Targets = [nameof(FloorRead), nameof(FloorReadScatter)])]
    public void SetupFloorRead()
    {
        CreateFloor();
        try
        {
            FloorWrite();
            _target = new byte[Volume.ByteLength];
            FloorReadScatter();
            Verify(_target.AsSpan().SequenceEqual(Volume.Bytes), "the floor files read back differ from the volume");
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup when setup fails.
            Cleanup();
            throw;
        }
    }

    [GlobalSetup(Target = nameof(MemoryCopy))]
    public void SetupMemoryCopy()
    {
        CreateVolume();
        _target = new byte[Volume.ByteLength];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _root?.Delete(recursive: true);
        _root = null;
    }

    /// <summary>The whole array through <see cref="ZarrArray.WriteAllAsync"/>.</summary>
    [Benchmark]
    [BenchmarkCategory(WriteCategory)]
    public ValueTask ArrayWrite() => Stored.WriteAllAsync(Volume);

    /// <summary>Per chunk, in parallel: the bytes-to-bytes codec alone on the chunk's bytes, then the store's temp-file write and rename.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(WriteCategory)]
    public void FloorWrite()
    {
        Parallel.For(0, _chunks.Length, ParallelOptions(), i => EncodeAndWrite(i, _chunks[i], FloorFiles.Write));
    }

    /// <summary>
    /// <see cref="FloorWrite"/>, but each chunk is first gathered, row by row, from the C-order
    /// volume into a pooled buffer: the least a write from one in-memory array must do.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(WriteCategory)]
    public void FloorWriteGather()
    {
        int chunkBytes = Grid.ChunkBytes;
        Parallel.For(0, _chunks.Length, ParallelOptions(), i =>
        {
            byte[] chunk = ArrayPool<byte>.Shared.Rent(chunkBytes);
            try
            {
                Grid.Gather(Volume.Bytes, i, chunk);
                EncodeAndWrite(i, chunk.AsMemory(0, chunkBytes), FloorFiles.Write);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        });
    }

    /// <summary>
    /// <see cref="FloorWrite"/> with <see cref="File.WriteAllBytes(string, ReadOnlySpan{byte})"/>
    /// straight to the target: no temp file, no rename. Not a floor for the store, whose
    /// contract is that a reader never sees a half-written value; it shows what that costs.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(WriteCategory)]
    public void FloorWriteInPlace()
    {
        Parallel.For(0, _chunks.Length, ParallelOptions(), i => EncodeAndWrite(i, _chunks[i], File.WriteAllBytes));
    }

    /// <summary>The whole array through <see cref="ZarrArray.ReadAllAsync"/>, into the array it returns, disposed after each read.</summary>
    [Benchmark]
    [BenchmarkCategory(ReadCategory)]
    public async Task<int> ArrayRead()
    {
        using NdArray result = await Stored.ReadAllAsync();
        return result.Count;
    }

    /// <summary>Per chunk, in parallel: the store's whole-file read into a pooled buffer, then the bytes-to-bytes codec alone.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ReadCategory)]
    public void FloorRead()
    {
        Parallel.For(0, _floorPaths.Length, ParallelOptions(), i => ReadAndDecode(i, null));
    }

    /// <summary>
    /// <see cref="FloorRead"/>, then each decoded chunk copied, row by row, into its place in a
    /// C-order volume (allocated once, in setup): the least a read into one array must do.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(ReadCategory)]
    public void FloorReadScatter()
    {
        Parallel.For(0, _floorPaths.Length, ParallelOptions(), i => ReadAndDecode(i, _target));
    }

    /// <summary>One copy of the 256 MiB on one thread, into memory touched before: the unit in which overhead is counted.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CopyCategory)]
    public void MemoryCopy() => Volume.Bytes.CopyTo(_target);

    private void EncodeAndWrite(int chunk, ReadOnlyMemory<byte> bytes, WriteFile write)
    {
        if (_codec is null)
        {
            write(_floorPaths[chunk], bytes.Span);
            return;
        }
        using var encoded = new PooledBufferWriter(bytes.Length + 64);
        _codec.Encode(bytes, encoded);
        write(_floorPaths[chunk], encoded.WrittenSpan);
    }

    private void ReadAndDecode(int chunk, byte[]? target)
    {
        int chunkBytes = Grid.ChunkBytes;
        byte[] stored = FloorFiles.Read(_floorPaths[chunk], out int length);
        try
        {
            if (_codec is null)
            {
                if (target is not null)
                {
                    Grid.Scatter(stored.AsSpan(0, length), chunk, target);
                }
                return;
            }
            using var decoded = new PooledBufferWriter(chunkBytes, chunkBytes);
            _codec.Decode(stored.AsMemory(0, length), decoded, _floorPaths[chunk]);
            if (target is not null)
            {
                Grid.Scatter(decoded.WrittenSpan, chunk, target);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }

    private void CreateVolume()
    {
        _root = Directory.CreateTempSubdirectory("zarr-perf-");
        _volume = SampleVolume.Create(DataType);
    }

    private void CreateFloor()
    {
        CreateVolume();
        _grid = new ChunkedVolume(Volume.Shape, SampleVolume.ChunkShape, Volume.ElementType.Size);
        _chunks = Grid.Split(Volume.Bytes);
        _codec = BytesToBytesCodec(Codec);
        string floor = Path.Combine(Root.FullName, "floor");
        _floorPaths = [.. Grid.Keys.Select(key => Path.Combine(floor, key.Replace('/', Path.DirectorySeparatorChar)))];
        foreach (string path in _floorPaths)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
    }

    private ArrayMetadata Metadata()
    {
        IBytesToBytesCodec? codec = BytesToBytesCodec(Codec);
        ICodec[] codecs = codec is null ? [BytesCodec.Little] : [BytesCodec.Little, codec];
        return new ArrayMetadata([.. SampleVolume.Shape(DataType).Select(n => (long)n)], SampleVolume.DataType(DataType),
            new RegularChunkGrid([.. SampleVolume.ChunkShape.Select(n => (long)n)]), codecs);
    }

    private ZarrOptions Options() => new() { MaxDegreeOfParallelism = _degreeOfParallelism };

    private ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = _degreeOfParallelism };

    private static IBytesToBytesCodec? BytesToBytesCodec(ChunkCodec codec) => codec switch
    {
        ChunkCodec.None => null,
        ChunkCodec.Gzip1 => new GzipCodec(1),
        ChunkCodec.Zstd3 => new ZstdCodec(3),
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    private static void Verify(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private delegate void WriteFile(string path, ReadOnlySpan<byte> bytes);
}
