using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Conformance.Performance;

/// <summary>
/// After a run, sets each array operation beside its floors with the same parameters and
/// writes the ratios of their medians against the goal (at most <see cref="Goal"/> times the
/// floor), with the overhead also counted in copies of the whole array. The table goes to the
/// console and, appended to BenchmarkDotNet's GitHub report, to <c>&lt;BenchmarkClass&gt;.md</c>
/// in the results folder: the file to commit.
/// </summary>
internal static class FloorRatios
{
    public const double Goal = 1.25;

    private static readonly (string Name, string Array, string Floor, string CopyingFloor)[] Operations =
    [
        ("Write", nameof(ArrayReadWriteBenchmarks.ArrayWrite), nameof(ArrayReadWriteBenchmarks.FloorWrite), nameof(ArrayReadWriteBenchmarks.FloorWriteGather)),
        ("Read", nameof(ArrayReadWriteBenchmarks.ArrayRead), nameof(ArrayReadWriteBenchmarks.FloorRead), nameof(ArrayReadWriteBenchmarks.FloorReadScatter)),
    ];

    public static void Export(Summary summary)
    {
        foreach (IGrouping<Type, BenchmarkReport> type in summary.Reports.GroupBy(r => r.BenchmarkCase.Descriptor.Type))
        {
            string? table = Table([.. type]);
            if (table is null)
            {
                continue;
            }
            Console.WriteLine();
            Console.WriteLine(table);
            string report = Path.Combine(summary.ResultsDirectoryPath, type.Key.FullName + "-report-github.md");
            string combined = File.Exists(report) ? File.ReadAllText(report).TrimEnd() + "\n\n" + table : table;
            string target = Path.Combine(summary.ResultsDirectoryPath, type.Key.Name + ".md");
            File.WriteAllText(target, combined);
            Console.WriteLine($"// * Ratio table: {target}");
        }
    }

    private static string? Table(IReadOnlyList<BenchmarkReport> reports)
    {
        var medians = new Dictionary<(string Parameters, string Method), double>();
        var parameterSets = new List<string>();
        string[] parameterNames = [];
        foreach (BenchmarkReport report in reports)
        {
            if (report.ResultStatistics is null)
            {
                continue;
            }
            parameterNames = [.. report.BenchmarkCase.Parameters.Items.Select(p => p.Name)];
            string parameters = string.Join(" | ", report.BenchmarkCase.Parameters.Items.Select(p => p.Value?.ToString()));
            if (!parameterSets.Contains(parameters))
            {
                parameterSets.Add(parameters);
            }
            medians[(parameters, report.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = report.ResultStatistics.Median;
        }
        if (!medians.Keys.Any(k => Operations.Any(o => o.Array == k.Method)))
        {
            return null;
        }
        double[] copies = [.. medians.Where(m => m.Key.Method == nameof(ArrayReadWriteBenchmarks.MemoryCopy)).Select(m => m.Value).Order()];
        double? copy = copies.Length > 0 ? copies[copies.Length / 2] : null;

        var text = new StringBuilder();
        text.Append("## Ratio vs floor\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Medians. Floor: per chunk, the codec alone and the store's file I/O (same files, same temp-file-and-rename writes, same parallelism). Goal: array / floor at most {Goal:0.00}; **bold** misses it.\n");
        text.Append(CultureInfo.InvariantCulture, $"Store and floor files on {FileSystem(Path.GetTempPath())}.\n");
        text.Append("Floor + rows: the floor plus the row copies between the C-order array and contiguous chunks (gather on write, scatter on read) that any implementation needs.\n");
        if (copy is double unit)
        {
            text.Append(CultureInfo.InvariantCulture, $"Overhead: array - floor, also in copies of the whole array (MemoryCopy, one thread, {Milliseconds(unit)}).\n");
        }
        text.Append('\n');
        text.Append("| ").AppendJoin(" | ", parameterNames).Append(" | Operation | Floor | Floor + rows | Array | Array / floor | Array / (floor + rows) | Overhead |\n");
        text.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", parameterNames.Length + 1))).Append(string.Concat(Enumerable.Repeat(" ---: |", 6))).Append('\n');
        foreach (string parameters in parameterSets)
        {
            foreach ((string name, string array, string floor, string copyingFloor) in Operations)
            {
                if (!medians.TryGetValue((parameters, array), out double a))
                {
                    continue;
                }
                bool hasFloor = medians.TryGetValue((parameters, floor), out double f);
                bool hasCopying = medians.TryGetValue((parameters, copyingFloor), out double g);
                text.Append("| ").Append(parameters).Append(" | ").Append(name)
                    .Append(" | ").Append(hasFloor ? Milliseconds(f) : "-")
                    .Append(" | ").Append(hasCopying ? Milliseconds(g) : "-")
                    .Append(" | ").Append(Milliseconds(a))
                    .Append(" | ").Append(hasFloor ? Ratio(a / f) : "-")
                    .Append(" | ").Append(hasCopying ? (a / g).ToString("0.00", CultureInfo.InvariantCulture) : "-")
                    .Append(" | ").Append(hasFloor ? Overhead(a - f, copy) : "-")
                    .Append(" |\n");
            }
        }
        return text.ToString();
    }

    private static string FileSystem(string path)
    {
        try
        {
            return new DriveInfo(path).DriveFormat;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "file system unknown";
        }
    }

    private static string Ratio(double ratio)
    {
        string shown = ratio.ToString("0.00", CultureInfo.InvariantCulture);
        return ratio > Goal ? $"**{shown}**" : shown;
    }

    private static string Overhead(double nanoseconds, double? copy) => copy is double unit
        ? string.Create(CultureInfo.InvariantCulture, $"{Milliseconds(nanoseconds)} ({nanoseconds / unit:0.0} copies)")
        : Milliseconds(nanoseconds);

    private static string Milliseconds(double nanoseconds) =>
        (nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
