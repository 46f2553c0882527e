using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Conformance.Performance;

/// <summary>
/// <see cref="PeerConfig"/>'s job (one process per case, one read per operation, medians shown)
/// with fifteen warmup and fifteen measured reads. In a fresh process the library's GIFTI reads
/// take about twice their settled time for the first ten or so, while the JIT moves the XML
/// reader's and the decoders' loops to optimised code; six warmups left that in the measured
/// reads. nibabel's reads are level from the second. The suite (10 cases) takes about two minutes.
/// </summary>
public sealed class SurfaceConfig : ManualConfig
{
    public SurfaceConfig()
    {
        AddJob(Job.Default
            .WithId("Surface")
            .WithLaunchCount(1)
            .WithWarmupCount(15)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }
}
