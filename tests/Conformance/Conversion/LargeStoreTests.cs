using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Conformance.Reference.Conversion;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Conversion;

/// <summary>
/// A store of 10^5 chunks (400 MiB of elements, computed on read) is listed, read and copied
/// with the managed heap staying far below the data's size: memory is bounded by the chunks in
/// flight, not by the store. The peaks are printed with the test output.
/// </summary>
public sealed class LargeStoreTests
{
    private const long Rows = 3200, Columns = 64000;
    private const int ChunkRows = 32, ChunkColumns = 64;
    private const long Limit = 96L << 20;

    /// <summary>A writable store that checks every chunk written against the generated values and keeps only metadata.</summary>
    private sealed class CheckingSink(int chunkRows, int chunkColumns) : Store
    {
        private readonly ConcurrentDictionary<string, byte[]> _metadata = new(StringComparer.Ordinal);
        private long _chunks;
        private long _bad;

        public long Chunks => Interlocked.Read(ref _chunks);

        public long Bad => Interlocked.Read(ref _bad);

        public override ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
        {
            if (!_metadata.TryGetValue(key, out byte[]? value))
            {
                return ValueTask.FromResult<StoreValue?>(null);
            }
            (long offset, long length) = (range ?? ByteRange.Full).Resolve(value.Length);
            StoreValue result = StoreValue.Rent((int)length);
            value.AsSpan((int)offset, (int)length).CopyTo(result.Memory.Span);
            return ValueTask.FromResult<StoreValue?>(result);
        }

        public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
        {
            if (key.EndsWith("zarr.json", StringComparison.Ordinal))
            {
                _metadata[key] = value.ToArray();
                return ValueTask.CompletedTask;
            }
            string[] parts = key.Split('/');
            long i = long.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
            long j = long.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
            byte[] expected = new byte[chunkRows * chunkColumns * 2];
            GeneratedStore.Fill(expected, i * chunkRows, j * chunkColumns, chunkRows, chunkColumns);
            if (!value.Span.SequenceEqual(expected))
            {
                Interlocked.Increment(ref _bad);
            }
            Interlocked.Increment(ref _chunks);
            return ValueTask.CompletedTask;
        }

        public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default)
        {
            _metadata.TryRemove(key, out _);
            return ValueTask.CompletedTask;
        }

        public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (string key in _metadata.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return key;
            }
            await Task.CompletedTask;
        }

        public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new StoreListing([], []));
    }

    private static readonly GeneratedStore Source = new(Rows, Columns, ChunkRows, ChunkColumns);

    [Test]
    public async Task A_directory_store_of_10_to_the_5_chunks_is_listed_in_order_in_bounded_memory()
    {
        using var directory = new TempDirectory();
        for (int i = 0; i < 100; i++)
        {
            string row = Path.Combine(directory.Path, "c", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(row);
            for (int j = 0; j < 1000; j++)
            {
                File.Create(Path.Combine(row, j.ToString(System.Globalization.CultureInfo.InvariantCulture))).Dispose();
            }
        }
        var store = new DirectoryStore(directory.Path, readOnly: true);
        long keys = 0;
        string? previous = null;
        bool ordered = true;
        using (var peak = new PeakMemory())
        {
            await foreach (string key in store.ListPrefixAsync("c/"))
            {
                ordered &= previous is null || string.CompareOrdinal(previous, key) < 0;
                previous = key;
                keys++;
            }
            TestContext.Out.WriteLine($"listed {keys} keys, peak managed heap +{peak.PeakBytes >> 20} MiB");
            Assert.That(peak.PeakBytes, Is.LessThan(Limit));
        }
        Assert.That(keys, Is.EqualTo(100_000));
        Assert.That(ordered, "keys come in ordinal order");
    }

    [Test]
    public async Task Every_chunk_is_read_slab_by_slab_into_one_buffer_in_bounded_memory()
    {
        ZarrArray array = await ZarrArray.OpenAsync(Source);
        // One row of chunks at a time: 32 x 64000 uint16 = 4 MiB, reused for all 100 rows.
        using NdArray slab = NdArray.Create(ElementType.UInt16, [ChunkRows, (int)Columns]);
        byte[] expected = new byte[slab.ByteLength];
        long checkedRows = 0;
        using (var peak = new PeakMemory())
        {
            for (long row = 0; row < Rows; row += ChunkRows)
            {
                await array.ReadIntoAsync(new long[] { row, 0 }, slab);
                GeneratedStore.Fill(expected, row, 0, ChunkRows, (int)Columns);
                Assert.That(slab.Bytes.SequenceEqual(expected), $"rows {row}..");
                checkedRows += ChunkRows;
            }
            TestContext.Out.WriteLine($"read {Rows * Columns * 2 >> 20} MiB in 10^5 chunks, peak managed heap +{peak.PeakBytes >> 20} MiB");
            Assert.That(peak.PeakBytes, Is.LessThan(Limit));
        }
        Assert.That(checkedRows, Is.EqualTo(Rows));
    }

    [Test]
    public async Task The_store_is_copied_to_new_chunks_in_bounded_memory()
    {
        ZarrArray array = await ZarrArray.OpenAsync(Source);
        var sink = new CheckingSink(64, 32);
        var options = new ConvertOptions { Chunks = [64, 32], MaxDegreeOfParallelism = 2, MemoryBudget = 32L << 20 };
        ConversionSummary summary;
        using (var peak = new PeakMemory())
        {
            summary = await Converter.ConvertAsync(array, sink, options);
            TestContext.Out.WriteLine($"copied {Rows * Columns * 2 >> 20} MiB from 10^5 chunks of 32x64 to chunks of 64x32, peak managed heap +{peak.PeakBytes >> 20} MiB");
            Assert.That(peak.PeakBytes, Is.LessThan(Limit));
        }
        Assert.That(summary.Elements, Is.EqualTo(Rows * Columns));
        Assert.That(sink.Chunks, Is.EqualTo(Rows / 64 * (Columns / 32)));
        Assert.That(sink.Bad, Is.Zero);
    }
}
