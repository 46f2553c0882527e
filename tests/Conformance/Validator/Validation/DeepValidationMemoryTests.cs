using System.Diagnostics;
using Conformance.Tests.Support;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Validation;

/// <summary>
/// Deep validation of a 2 GiB store (uint16 in 2048 chunks of 1 MiB, computed on read) decodes
/// every chunk with the managed heap staying far below the data's size: memory is bounded by the
/// chunks in flight, not by the store. The peak and the time are printed with the test output;
/// the throughput on real files is in tests/Performance (DeepValidationBenchmarks).
/// </summary>
public sealed class DeepValidationMemoryTests
{
    private const long Rows = 32768, Columns = 32768;
    private const int ChunkRows = 512, ChunkColumns = 1024;
    private const long Limit = 64L << 20;

    [Test]
    public async Task A_2_GiB_store_is_validated_chunk_by_chunk_in_bounded_memory()
    {
        var store = new GeneratedStore(Rows, Columns, ChunkRows, ChunkColumns);
        long storeBytes = Rows * Columns * sizeof(ushort);
        ValidationReport report;
        using (var peak = new PeakMemory())
        {
            var clock = Stopwatch.StartNew();
            report = await ZarrValidator.ValidateAsync(store, "generated", new ValidationOptions { Deep = true, MaxDegreeOfParallelism = 2 });
            TestContext.Out.WriteLine($"deep-validated {storeBytes >> 20} MiB in {store.ChunkCount} chunks in {clock.Elapsed.TotalSeconds:0.0} s, peak managed heap +{peak.PeakBytes >> 20} MiB");
            Assert.That(peak.PeakBytes, Is.LessThan(Limit));
        }
        Assert.That(report.Diagnostics, Is.Empty);
        Assert.That(report.Statistics, Is.EqualTo(new ValidationStatistics(0, 1, store.ChunkCount + 1, store.ChunkCount, storeBytes)));
        Assert.That(storeBytes, Is.EqualTo(2L << 30));
    }
}
