using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Conformance.Performance;

/// <summary>
/// <see cref="FloorConfig"/>'s job (one process per case, one operation per iteration, seven
/// measured, medians shown) with six warmup operations instead of one, for both zarrita and the
/// library. In a fresh process the library's first passes with two or more threads run two to
/// four times slower while the JIT moves the zstd decoder from tier 0 to optimised code on the
/// same two cores; one warmup left that transition in the measured iterations. zarrita's
/// passes are level from the first. The suite (18 cases) takes about four minutes.
/// </summary>
public sealed class PeerConfig : ManualConfig
{
    public PeerConfig()
    {
        AddJob(Job.Default
            .WithId("Peer")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(7)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }
}
