using System.Globalization;
using Conformance.Reference.Conversion;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Stores;
using Spectre.Console;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance convert</c>: re-encodes an array or a whole hierarchy into a new Zarr v3
/// store, a directory or (for a path ending in <c>.zip</c>) a zip file. Either is written
/// beside its destination under a temporary name and moved into place only when complete, so
/// a failed or interrupted conversion leaves nothing behind.
/// </summary>
public static class ConvertCommand
{
    public static async Task<ConversionSummary> RunAsync(Node source, string destination, ConvertOptions options, bool overwrite, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        string target = Path.GetFullPath(destination.TrimEnd('/', Path.DirectorySeparatorChar));
        bool exists = Directory.Exists(target) || File.Exists(target);
        if (exists && !overwrite)
        {
            throw new UsageException($"{destination} already exists; pass --overwrite to replace it");
        }
        ConversionSummary summary = target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? await ToZipAsync(source, target, options, error, cancellationToken)
            : await ToDirectoryAsync(source, target, options, error, cancellationToken);
        foreach (Reference.ConformanceException failure in summary.Failures)
        {
            await error.WriteLineAsync($"skipped {failure.RuleId} at {failure.Location}: {failure.Message}");
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"converted {summary.Arrays} arrays and {summary.Groups} groups ({summary.Elements} elements) to {destination}"));
        return summary;
    }

    /// <summary>A zip store stages its entries and writes the archive only on commit.</summary>
    private static async Task<ConversionSummary> ToZipAsync(Node source, string target, ConvertOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        if (Directory.Exists(target))
        {
            throw new UsageException($"{target} is a directory; a zip store is a file");
        }
        await using ZipStore store = ZipStore.Create(target, overwrite: true);
        ConversionSummary summary = await CopyAsync(source, store, options, error, cancellationToken);
        await store.CommitAsync(cancellationToken);
        return summary;
    }

    /// <summary>A directory store is written under a temporary name beside the target and moved into place when complete.</summary>
    private static async Task<ConversionSummary> ToDirectoryAsync(Node source, string target, ConvertOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        string staging = $"{target}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            ConversionSummary summary = await CopyAsync(source, new DirectoryStore(staging), options, error, cancellationToken);
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            else if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(staging, target);
            return summary;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            throw;
        }
    }

    private static Task<ConversionSummary> CopyAsync(Node source, Store store, ConvertOptions options, TextWriter error, CancellationToken cancellationToken) =>
        Terminal.ForProgress(error) is IAnsiConsole console
            ? WithProgressBarAsync(console, source, store, options, cancellationToken)
            : Converter.ConvertAsync(source, store, options, null, cancellationToken);

    private static async Task<ConversionSummary> WithProgressBarAsync(IAnsiConsole console, Node source, Store store, ConvertOptions options, CancellationToken cancellationToken)
    {
        ConversionSummary? summary = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask("converting", maxValue: 1);
                var progress = new Progress<ConversionProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.ElementsTotal);
                    task.Value = p.ElementsDone;
                    task.Description = Markup.Escape(p.CurrentPath);
                });
                summary = await Converter.ConvertAsync(source, store, options, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>Parses a shape given as comma-separated positive integers.</summary>
    public static long[]? ParseShape(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        long[] shape = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]) || shape[i] < 1)
            {
                throw new UsageException($"{option} {text}: expected positive integers separated by commas");
            }
        }
        return shape;
    }
}
