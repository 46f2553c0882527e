using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Conformance.Performance;

/// <summary>
/// After a run of <see cref="ShardedReadBenchmarks"/>, sets the library beside zarrita for
/// each read pattern and concurrency: medians, throughput, and the library's throughput as a
/// multiple of zarrita's against the goal (at least <see cref="Goal"/>). A second table sets
/// the library on one thread against zarrita at whichever concurrency suited it best. Like
/// <see cref="FloorRatios"/>, the tables go to the console and, appended to BenchmarkDotNet's
/// GitHub report, to <c>ShardedReadBenchmarks.md</c> in the results folder.
/// </summary>
internal static class PeerRatios
{
    public const double Goal = 2.0;

    private const double ArrayMebibytes = (double)ShardedVolume.Edge * ShardedVolume.Edge * ShardedVolume.Edge * sizeof(ushort) / (1 << 20);

    public static void Export(Summary summary)
    {
        BenchmarkReport[] reports = [.. summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(ShardedReadBenchmarks) && r.ResultStatistics is not null)];
        if (reports.Length == 0)
        {
            return;
        }
        var medians = new Dictionary<(ReadPattern Pattern, int Concurrency, string Method), double>();
        foreach (BenchmarkReport run in reports)
        {
            var pattern = (ReadPattern)run.BenchmarkCase.Parameters[nameof(ShardedReadBenchmarks.Pattern)];
            int concurrency = (int)run.BenchmarkCase.Parameters[nameof(ShardedReadBenchmarks.Concurrency)];
            medians[(pattern, concurrency, run.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = run.ResultStatistics!.Median;
        }
        string table = Table(medians);
        Console.WriteLine();
        Console.WriteLine(table);
        string report = Path.Combine(summary.ResultsDirectoryPath, typeof(ShardedReadBenchmarks).FullName + "-report-github.md");
        string combined = File.Exists(report) ? File.ReadAllText(report).TrimEnd() + "\n\n" + table : table;
        string target = Path.Combine(summary.ResultsDirectoryPath, nameof(ShardedReadBenchmarks) + ".md");
        File.WriteAllText(target, combined);
        Console.WriteLine($"// * Ratio table: {target}");
    }

    private static string Table(Dictionary<(ReadPattern Pattern, int Concurrency, string Method), double> medians)
    {
        const string zarrita = nameof(ShardedReadBenchmarks.Zarrita);
        const string library = nameof(ShardedReadBenchmarks.Library);
        var text = new StringBuilder();
        text.Append("## Ratio vs zarrita\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Medians of whole passes over the {ArrayMebibytes:0} MiB array; throughput is its size over the median. Goal: library throughput at least {Goal:0}x zarrita's at the same concurrency; **bold** misses it.\n");
        text.Append(CultureInfo.InvariantCulture, $"Store on {FileSystem(Path.GetTempPath())}; zarrita 0.7.5 with @zarrita/storage 0.2.0 and numcodecs 0.3.2 (`zarrita/package-lock.json`) in node {NodeVersion()}.\n");
        text.Append("Reads at once: gets awaited together (zarrita, on its one JavaScript thread; its file reads run on libuv's thread pool), or reads in flight and MaxDegreeOfParallelism (library). `All` is one read, so it only sets the library's parallelism.\n\n");
        text.Append("| Pattern | Reads at once | zarrita | library | zarrita MiB/s | library MiB/s | library / zarrita |\n");
        text.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (ReadPattern pattern in Enum.GetValues<ReadPattern>())
        {
            foreach (int concurrency in ShardedReadBenchmarks.Concurrencies)
            {
                bool hasZarrita = medians.TryGetValue((pattern, concurrency, zarrita), out double z);
                bool hasLibrary = medians.TryGetValue((pattern, concurrency, library), out double l);
                if (!hasZarrita && !hasLibrary)
                {
                    continue;
                }
                text.Append(CultureInfo.InvariantCulture, $"| {pattern} | {concurrency}")
                    .Append(" | ").Append(hasZarrita ? Milliseconds(z) : "-")
                    .Append(" | ").Append(hasLibrary ? Milliseconds(l) : "-")
                    .Append(" | ").Append(hasZarrita ? Throughput(z) : "-")
                    .Append(" | ").Append(hasLibrary ? Throughput(l) : "-")
                    .Append(" | ").Append(hasZarrita && hasLibrary ? Ratio(z / l) : "-")
                    .Append(" |\n");
            }
        }
        text.Append("\nThe library on one thread against zarrita at whichever concurrency was fastest for it:\n\n");
        text.Append("| Pattern | zarrita, best | library, 1 thread | library / zarrita |\n");
        text.Append("| --- | ---: | ---: | ---: |\n");
        foreach (ReadPattern pattern in Enum.GetValues<ReadPattern>())
        {
            if (!medians.Keys.Any(k => k.Pattern == pattern && k.Method == zarrita) || !medians.TryGetValue((pattern, 1, library), out double single))
            {
                continue;
            }
            (int bestConcurrency, double best) = medians
                .Where(m => m.Key.Pattern == pattern && m.Key.Method == zarrita)
                .Select(m => (m.Key.Concurrency, m.Value))
                .MinBy(m => m.Value);
            text.Append(CultureInfo.InvariantCulture, $"| {pattern} | {Milliseconds(best)} ({bestConcurrency} at once) | {Milliseconds(single)} | {Ratio(best / single)} |\n");
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
            return "a file system of unknown type";
        }
    }

    private static string NodeVersion()
    {
        try
        {
            var start = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            string version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "(version unknown)";
        }
    }

    private static string Ratio(double ratio)
    {
        string shown = ratio.ToString("0.00", CultureInfo.InvariantCulture);
        return ratio < Goal ? $"**{shown}**" : shown;
    }

    private static string Throughput(double nanoseconds) =>
        (ArrayMebibytes / (nanoseconds / 1e9)).ToString("0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double nanoseconds) =>
        (nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
