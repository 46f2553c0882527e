using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Conformance.Performance;

/// <summary>
/// After a run of <see cref="DeepValidationBenchmarks"/>, sets deep validation beside its floor
/// for each codec: medians, throughput (the store's bytes of elements over the median, in GB of
/// 10^9 bytes a second), and validation / floor. The goals: uncompressed, at least
/// <see cref="UncompressedGoal"/> GB/s; compressed, codec-bound, at most <see cref="FloorRatios.Goal"/>
/// times the floor. Like <see cref="FloorRatios"/>, the table goes to the console and, appended to
/// BenchmarkDotNet's GitHub report, to <c>DeepValidationBenchmarks.md</c> in the results folder.
/// </summary>
internal static class DeepValidationRatios
{
    public const double UncompressedGoal = 1.0;

    public static void Export(Summary summary)
    {
        BenchmarkReport[] reports = [.. summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(DeepValidationBenchmarks) && r.ResultStatistics is not null)];
        if (reports.Length == 0)
        {
            return;
        }
        var medians = new Dictionary<(DeepValidationCodec Codec, string Method), double>();
        foreach (BenchmarkReport run in reports)
        {
            var codec = (DeepValidationCodec)run.BenchmarkCase.Parameters[nameof(DeepValidationBenchmarks.Codec)];
            medians[(codec, run.BenchmarkCase.Descriptor.WorkloadMethod.Name)] = run.ResultStatistics!.Median;
        }
        string table = Table(medians);
        Console.WriteLine();
        Console.WriteLine(table);
        string report = Path.Combine(summary.ResultsDirectoryPath, typeof(DeepValidationBenchmarks).FullName + "-report-github.md");
        string combined = File.Exists(report) ? File.ReadAllText(report).TrimEnd() + "\n\n" + table : table;
        string target = Path.Combine(summary.ResultsDirectoryPath, nameof(DeepValidationBenchmarks) + ".md");
        File.WriteAllText(target, combined);
        Console.WriteLine($"// * Ratio table: {target}");
    }

    private static string Table(Dictionary<(DeepValidationCodec Codec, string Method), double> medians)
    {
        var text = new StringBuilder();
        text.Append("## Throughput and ratio vs floor\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Medians of whole passes over the {DeepValidationBenchmarks.StoreBytes >> 20} MiB of elements; GB/s is 10^9 bytes of elements a second. Floor: every chunk file read once into a pooled buffer, plus the codec's decode alone when compressed, same parallelism.\n");
        text.Append(CultureInfo.InvariantCulture, $"Goal: uncompressed validation at least {UncompressedGoal:0.0} GB/s; compressed validation at most {FloorRatios.Goal:0.00} x the floor (codec-bound). **Bold** misses it.\n");
        text.Append(CultureInfo.InvariantCulture, $"Store on {FileSystem(Path.GetTempPath())}.\n\n");
        text.Append("| Codec | Floor | Validation | Floor GB/s | Validation GB/s | Validation / floor |\n");
        text.Append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (DeepValidationCodec codec in Enum.GetValues<DeepValidationCodec>())
        {
            bool hasFloor = medians.TryGetValue((codec, nameof(DeepValidationBenchmarks.Floor)), out double floor);
            bool hasValidation = medians.TryGetValue((codec, nameof(DeepValidationBenchmarks.DeepValidation)), out double validation);
            if (!hasFloor && !hasValidation)
            {
                continue;
            }
            double rate = GigabytesPerSecond(validation);
            bool missed = hasValidation && (codec == DeepValidationCodec.None ? rate < UncompressedGoal : hasFloor && validation / floor > FloorRatios.Goal);
            text.Append("| ").Append(codec)
                .Append(" | ").Append(hasFloor ? Milliseconds(floor) : "-")
                .Append(" | ").Append(hasValidation ? Milliseconds(validation) : "-")
                .Append(" | ").Append(hasFloor ? GigabytesPerSecond(floor).ToString("0.00", CultureInfo.InvariantCulture) : "-")
                .Append(" | ").Append(hasValidation ? Bold(rate.ToString("0.00", CultureInfo.InvariantCulture), missed && codec == DeepValidationCodec.None) : "-")
                .Append(" | ").Append(hasFloor && hasValidation ? Bold((validation / floor).ToString("0.00", CultureInfo.InvariantCulture), missed && codec != DeepValidationCodec.None) : "-")
                .Append(" |\n");
        }
        return text.ToString();
    }

    private static string Bold(string value, bool bold) => bold ? $"**{value}**" : value;

    private static double GigabytesPerSecond(double nanoseconds) => DeepValidationBenchmarks.StoreBytes / nanoseconds;

    private static string Milliseconds(double nanoseconds) =>
        (nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " ms";

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
}
