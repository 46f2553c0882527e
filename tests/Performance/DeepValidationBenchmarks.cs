using System.Buffers;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Validation;

namespace Conformance.Performance;

/// <summary>
/// Deep validation (<see cref="ZarrValidator"/> with <c>Deep</c>) of a 2 GiB uint16 array in
/// 2048 chunks of 1 MiB in a <see cref="DirectoryStore"/>, beside its floor measured in the same
/// run on the same files: every chunk file read once, in parallel, into a pooled buffer, and for
/// compressed chunks the bytes-to-bytes codec's decode alone. The floor is the baseline, so the
/// Ratio column is validation / floor; <see cref="DeepValidationRatios"/> also writes the
/// throughputs as a table.
/// </summary>
[Config(typeof(FloorConfig))]
[MemoryDiagnoser]
public class DeepValidationBenchmarks
{
    public const int Edge = 1024;
    public const long StoreBytes = (long)Edge * Edge * Edge * sizeof(ushort);
    private static readonly int[] ChunkShape = [64, 64, 128];
    private const int ChunkBytes = 64 * 64 * 128 * sizeof(ushort);

    private readonly int _degreeOfParallelism = Environment.ProcessorCount;
    private DirectoryInfo? _root;
    private DirectoryStore? _store;
    private IBytesToBytesCodec? _codec;
    private string[] _chunkPaths = [];

    [Params(DeepValidationCodec.None, DeepValidationCodec.Zstd3, DeepValidationCodec.BloscLz4)]
    public DeepValidationCodec Codec { get; set; }

    private DirectoryStore Store => _store ?? throw new InvalidOperationException("global setup has not run");

    [GlobalSetup]
    public async Task Setup()
    {
        _root = Directory.CreateTempSubdirectory("zarr-perf-");
        try
        {
            _codec = BytesToBytesCodec(Codec);
            string folder = Path.Combine(_root.FullName, "store");
            _store = new DirectoryStore(folder);
            ICodec[] codecs = _codec is null ? [BytesCodec.Little] : [BytesCodec.Little, _codec];
            var metadata = new ArrayMetadata([Edge, Edge, Edge], IntegerDataType.UInt16, new RegularChunkGrid([.. ChunkShape.Select(n => (long)n)]), codecs);
            ZarrArray array = await ZarrArray.CreateAsync(Store, "/", metadata, new ZarrOptions { MaxDegreeOfParallelism = _degreeOfParallelism }, overwrite: true);
            using NdArray slab = NdArray.Create(ElementType.UInt16, [ChunkShape[0], Edge, Edge]);
            for (int z = 0; z < Edge; z += ChunkShape[0])
            {
                Fill(slab, z);
                await array.WriteAsync(new long[] { z, 0, 0 }, slab);
            }
            _chunkPaths = [.. Directory.EnumerateFiles(Path.Combine(folder, "c"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
            Verify(_chunkPaths.Length == Edge / ChunkShape[0] * (Edge / ChunkShape[1]) * (Edge / ChunkShape[2]), "the writer did not store every chunk");
            ValidationReport report = await Validate();
            Verify(report.Diagnostics.Count == 0 && report.Statistics.ChunksChecked == _chunkPaths.Length, "the store written does not validate cleanly");
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup when setup fails.
            Cleanup();
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _root?.Delete(recursive: true);
        _root = null;
    }

    /// <summary>The whole store through <see cref="ZarrValidator.ValidateAsync"/> in deep mode: listing, metadata, and every chunk decoded.</summary>
    [Benchmark]
    public async Task<long> DeepValidation()
    {
        ValidationReport report = await Validate();
        return report.Statistics.BytesChecked;
    }

    /// <summary>Per chunk, in parallel: the store's whole-file read into a pooled buffer, then the bytes-to-bytes codec alone.</summary>
    [Benchmark(Baseline = true)]
    public void Floor()
    {
        Parallel.For(0, _chunkPaths.Length, new ParallelOptions { MaxDegreeOfParallelism = _degreeOfParallelism }, ReadAndDecode);
    }

    private Task<ValidationReport> Validate() =>
        ZarrValidator.ValidateAsync(Store, "benchmark", new ValidationOptions { Deep = true, MaxDegreeOfParallelism = _degreeOfParallelism });

    private void ReadAndDecode(int chunk)
    {
        byte[] stored = FloorFiles.Read(_chunkPaths[chunk], out int length);
        try
        {
            if (_codec is not null)
            {
                using var decoded = new PooledBufferWriter(ChunkBytes, ChunkBytes);
                _codec.Decode(stored.AsMemory(0, length), decoded, _chunkPaths[chunk]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }

    /// <summary>
    /// The slab of planes from <paramref name="z"/> on: a smooth field plus 3 bits of noise per
    /// element, as in <see cref="SampleVolume"/>, so the compressors keep part of the bytes.
    /// </summary>
    private static void Fill(NdArray slab, int z)
    {
        Span<ushort> values = MemoryMarshal.Cast<byte, ushort>(slab.Bytes);
        double[] alongX = new double[Edge];
        for (int x = 0; x < Edge; x++)
        {
            alongX[x] = 1200.0 * Math.Sin(2.0 * Math.PI * x / 97.0);
        }
        ulong state = 0x9E3779B97F4A7C15UL ^ (ulong)z;
        int i = 0;
        for (int plane = 0; plane < slab.Shape[0]; plane++)
        {
            double level = 4000.0 + 900.0 * Math.Sin(2.0 * Math.PI * (z + plane) / 71.0);
            for (int y = 0; y < Edge; y++)
            {
                double amplitude = 0.5 + 0.5 * Math.Sin(2.0 * Math.PI * y / 131.0);
                for (int x = 0; x < Edge; x++)
                {
                    state ^= state >> 12;
                    state ^= state << 25;
                    state ^= state >> 27;
                    int noise = (int)((state * 0x2545F4914F6CDD1DUL) >> 61) - 4;
                    values[i++] = (ushort)(level + amplitude * alongX[x] + noise);
                }
            }
        }
    }

    private static IBytesToBytesCodec? BytesToBytesCodec(DeepValidationCodec codec) => codec switch
    {
        DeepValidationCodec.None => null,
        DeepValidationCodec.Zstd3 => new ZstdCodec(3),
        DeepValidationCodec.BloscLz4 => BloscCodec.ForDataType(IntegerDataType.UInt16, BloscCompressor.Lz4, shuffle: BloscShuffle.Shuffle),
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    private static void Verify(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
