using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Conformance.Performance;

foreach (Summary summary in BenchmarkSwitcher.FromAssembly(typeof(ArrayReadWriteBenchmarks).Assembly).Run(args))
{
    FloorRatios.Export(summary);
    PeerRatios.Export(summary);
    SurfaceRatios.Export(summary);
    DeepValidationRatios.Export(summary);
}
