using System.Globalization;
using BenchmarkDotNet.Attributes;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Performance;

/// <summary>How a benchmark pass reads the whole sharded array.</summary>
public enum ReadPattern
{
    /// <summary>One read of the whole array (zarr_benchmarks "read all").</summary>
    All,

    /// <summary>One read per shard, in C order of the shard grid (zarr_benchmarks "read chunk-by-chunk", whose chunks are the shards).</summary>
    Shards,

    /// <summary>One read per inner chunk, in C order of the inner-chunk grid.</summary>
    InnerChunks,
}

/// <summary>
/// Reads the sharded zstd array of <see cref="ShardedVolume"/> (the zarr_benchmarks workload,
/// scaled to 256 MiB) through <see cref="ZarrArray"/> and a <see cref="DirectoryStore"/>, and,
/// as the baseline, with zarrita in node (<see cref="ZarritaBench"/>), measured the same way:
/// one operation is one whole pass of <see cref="Pattern"/>, timed by BenchmarkDotNet in the
/// same job. Each case's process writes the store afresh with the library's writer (the setup
/// logs the SHA-256 of its files, the same in every case) and checks the values the reader under
/// test gets against those written. <see cref="Concurrency"/> is how many reads are awaited at
/// once: for zarrita, gets in flight on its one JavaScript thread; for the library, reads in
/// flight and its <see cref="ZarrOptions.MaxDegreeOfParallelism"/>, so 1 is the library on one
/// thread. The Ratio column is library / zarrita time; Program.cs also writes the throughput
/// ratios (<see cref="PeerRatios"/>).
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
public class ShardedReadBenchmarks
{
    private DirectoryInfo? _root;
    private ZarrArray? _array;
    private ZarritaBench? _zarrita;
    private long[][] _boxes = [];
    private long[] _boxExtent = [];

    [Params(ReadPattern.All, ReadPattern.Shards, ReadPattern.InnerChunks)]
    public ReadPattern Pattern { get; set; }

    [ParamsSource(nameof(Concurrencies))]
    public int Concurrency { get; set; }

    /// <summary>
    /// One read at a time, one per core, and eight: the middle of the workload's sweep (1 to 32),
    /// where zarrita's reads per chunk run fastest on this machine.
    /// </summary>
    public static IEnumerable<int> Concurrencies => new[] { 1, Environment.ProcessorCount, 8 }.Distinct().Order();

    private ZarrArray Stored => _array ?? throw new InvalidOperationException("global setup has not run");

    private ZarritaBench Peer => _zarrita ?? throw new InvalidOperationException("global setup has not run");

    [GlobalSetup(Target = nameof(Zarrita))]
    public async Task SetupZarrita()
    {
        try
        {
            string expected;
            using (NdArray volume = ShardedVolume.Create())
            {
                await WriteStoreAsync(volume);
                expected = ShardedVolume.Sha256(volume.Bytes);
            }
            _zarrita = ZarritaBench.Start(Path.Combine(_root!.FullName, "store"), ShardedVolume.ArrayPath);
            string actual = Peer.Hash(Pattern, Concurrency);
            Verify(actual == expected, $"zarrita read values with SHA-256 {actual}, not {expected}");
            Console.WriteLine($"// zarrita read the {Pattern} pattern to SHA-256 {actual}, as written");
        }
        catch
        {
            // BenchmarkDotNet skips the cleanup when setup fails.
            Cleanup();
            throw;
        }
    }

    [GlobalSetup(Target = nameof(Library))]
    public async Task SetupLibrary()
    {
        try
        {
            using NdArray volume = ShardedVolume.Create();
            await WriteStoreAsync(volume);
            var store = new DirectoryStore(Path.Combine(_root!.FullName, "store"), readOnly: true);
            _array = await ZarrArray.OpenAsync(store, ShardedVolume.ArrayPath, new ZarrOptions { MaxDegreeOfParallelism = Concurrency });
            using NdArray whole = NdArray.Create(volume.ElementType, volume.Shape);
            await PassAsync(whole);
            Verify(whole.Bytes.SequenceEqual(volume.Bytes), "the library read back values that differ from those written");
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_zarrita is not null)
        {
            Console.WriteLine("// zarrita pass times inside node (ms): " + string.Join(", ", _zarrita.NodeMilliseconds.Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture))));
            _zarrita.Dispose();
            _zarrita = null;
        }
        _root?.Delete(recursive: true);
        _root = null;
    }

    /// <summary>One pass with zarrita: a request to node, the pass, and its answer.</summary>
    [Benchmark(Baseline = true)]
    public void Zarrita() => Peer.Run(Pattern, Concurrency);

    /// <summary>One pass with <see cref="ZarrArray.ReadAsync"/>; each result is disposed after its read.</summary>
    [Benchmark]
    public Task Library() => PassAsync(null);

    /// <summary>Reads every box of the pattern, <see cref="Concurrency"/> at a time; copies each into <paramref name="whole"/> when given.</summary>
    private async Task PassAsync(NdArray? whole)
    {
        if (Pattern == ReadPattern.All)
        {
            using NdArray result = await Stored.ReadAllAsync();
            if (whole is not null)
            {
                result.Bytes.CopyTo(whole.Bytes);
            }
            return;
        }
        if (Concurrency == 1)
        {
            foreach (long[] box in _boxes)
            {
                await ReadBoxAsync(box, whole, CancellationToken.None);
            }
            return;
        }
        await Parallel.ForEachAsync(_boxes, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, (box, token) => ReadBoxAsync(box, whole, token));
    }

    private async ValueTask ReadBoxAsync(long[] start, NdArray? whole, CancellationToken cancellationToken)
    {
        using NdArray result = await Stored.ReadAsync(start, _boxExtent, cancellationToken);
        if (whole is not null)
        {
            NdArray.CopyRegion(result, new int[3], whole, [.. start.Select(n => (int)n)], result.Shape);
        }
    }

    private async Task WriteStoreAsync(NdArray volume)
    {
        _root = Directory.CreateTempSubdirectory("zarr-perf-");
        string store = Path.Combine(_root.FullName, "store");
        await ShardedVolume.WriteAsync(store, volume);
        Console.WriteLine($"// store written, files SHA-256 {ShardedVolume.StoreDigest(store)}");
        int edge = Pattern == ReadPattern.InnerChunks ? ShardedVolume.InnerEdge : ShardedVolume.ShardEdge;
        int perSide = ShardedVolume.Edge / edge;
        _boxExtent = [edge, edge, edge];
        _boxes = [.. Enumerable.Range(0, perSide * perSide * perSide)
            .Select(i => new long[] { i / (perSide * perSide) * edge, i / perSide % perSide * edge, i % perSide * edge })];
    }

    private static void Verify(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
