using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Conformance.Performance;

/// <summary>
/// One process per case, one warmup and seven measured operations of a whole 256 MiB array:
/// each operation takes from milliseconds to seconds, so BenchmarkDotNet's pilot and unrolling
/// add nothing but time. The whole suite (48 cases) takes about six minutes on two cores. The
/// median is shown beside the mean: on a shared machine a stray process lengthens single
/// iterations, and the ratio table is computed from medians.
/// </summary>
public sealed class FloorConfig : ManualConfig
{
    public FloorConfig()
    {
        AddJob(Job.Default
            .WithId("Floor")
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(7)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }
}
