using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Conformance.Performance;

/// <summary>
/// After a run of <see cref="SurfaceReadBenchmarks"/>, sets the library beside nibabel for each
/// file: medians and how many times faster the library reads, against the goal (at least
/// <see cref="Goal"/>). Like <see cref="PeerRatios"/>, the table goes to the console and,
/// appended to BenchmarkDotNet's GitHub report, to <c>SurfaceReadBenchmarks.md</c> in the
/// results folder.
/// </summary>
internal static class SurfaceRatios
{
    public const double Goal = 3.0;

    public static void Export(Summary summary)
    {
        BenchmarkReport[] reports = [.. summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(SurfaceReadBenchmarks) && r.ResultStatistics is not null)];
        if (reports.Length == 0)
        {
            return;
        }
        var medians = new Dictionary<(SurfaceFile File, string Method), double>();
        foreach (BenchmarkReport run in reports)
        {
            var file = (SurfaceFile)run.BenchmarkCase.Parameters[nameof(SurfaceReadBenchmarks.File)];
            medians[(file, run.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = run.ResultStatistics!.Median;
        }
        string table = Table(medians);
        Console.WriteLine();
        Console.WriteLine(table);
        string report = Path.Combine(summary.ResultsDirectoryPath, typeof(SurfaceReadBenchmarks).FullName + "-report-github.md");
        string combined = File.Exists(report) ? File.ReadAllText(report).TrimEnd() + "\n\n" + table : table;
        string target = Path.Combine(summary.ResultsDirectoryPath, nameof(SurfaceReadBenchmarks) + ".md");
        File.WriteAllText(target, combined);
        Console.WriteLine($"// * Ratio table: {target}");
    }

    private static string Table(Dictionary<(SurfaceFile File, string Method), double> medians)
    {
        const string nibabel = nameof(SurfaceReadBenchmarks.Nibabel);
        const string library = nameof(SurfaceReadBenchmarks.Library);
        var text = new StringBuilder();
        text.Append("## Ratio vs nibabel\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Medians of whole reads of a surface of {SurfaceMesh.VertexCount:N0} vertices and {SurfaceMesh.FaceCount:N0} triangles. Goal: the library at least {Goal:0}x faster than nibabel on every file; **bold** misses it.\n");
        text.Append(CultureInfo.InvariantCulture, $"nibabel: Debian's python3-nibabel under {NibabelBench.Python}, in one long-lived process per case (`nibabel/bench.py`).\n\n");
        text.Append("| File | nibabel | library | nibabel / library |\n");
        text.Append("| --- | ---: | ---: | ---: |\n");
        foreach (SurfaceFile file in Enum.GetValues<SurfaceFile>())
        {
            bool hasNibabel = medians.TryGetValue((file, nibabel), out double n);
            bool hasLibrary = medians.TryGetValue((file, library), out double l);
            if (!hasNibabel && !hasLibrary)
            {
                continue;
            }
            text.Append(CultureInfo.InvariantCulture, $"| {file}")
                .Append(" | ").Append(hasNibabel ? Milliseconds(n) : "-")
                .Append(" | ").Append(hasLibrary ? Milliseconds(l) : "-")
                .Append(" | ").Append(hasNibabel && hasLibrary ? Ratio(n / l) : "-")
                .Append(" |\n");
        }
        return text.ToString();
    }

    private static string Ratio(double ratio)
    {
        string shown = ratio.ToString("0.00", CultureInfo.InvariantCulture);
        return ratio < Goal ? $"**{shown}**" : shown;
    }

    private static string Milliseconds(double nanoseconds) =>
        (nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
