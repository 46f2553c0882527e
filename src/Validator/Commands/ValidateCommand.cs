using System.Text.Json;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;
using Spectre.Console;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance validate</c>: checks a Zarr store, or a file of a single-file format
/// (<see cref="FileValidators"/>), and writes the report. Exit code 0 when nothing
/// is an error, 1 when something is; a store that cannot be read at all is a usage error (2).
/// </summary>
public static class ValidateCommand
{
    /// <summary>The settings file looked for in the validated folder and the folders above it.</summary>
    public const string ConfigName = ".conformance.json";

    public static async Task<int> RunAsync(string path, ValidationOptions options, ReportFormat format, string? outputPath, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ValidationReport report;
        if (FileValidators.For(path) is IFileValidator fileValidator)
        {
            report = await fileValidator.ValidateAsync(path, options, cancellationToken);
        }
        else
        {
            Store store = InputOpener.OpenStore(path);
            report = options.Deep && Terminal.ForProgress(error) is IAnsiConsole console
                ? await WithProgressAsync(console, store, path, options, cancellationToken)
                : await ZarrValidator.ValidateAsync(store, path, options, null, cancellationToken);
        }
        if (outputPath is null)
        {
            await ReportWriter.WriteAsync(format, report, options.Catalog, output, cancellationToken);
        }
        else
        {
            string temporary = outputPath + ".partial";
            await using (var file = new StreamWriter(temporary))
            {
                await ReportWriter.WriteAsync(format, report, options.Catalog, file, cancellationToken);
            }
            File.Move(temporary, outputPath, overwrite: true);
            await output.WriteLineAsync($"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")}; report written to {outputPath}".AsMemory(), cancellationToken);
        }
        return report.Passed ? ExitCodes.Success : ExitCodes.InputRejected;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static async Task<ValidationReport> WithProgressAsync(IAnsiConsole console, Store store, string path, ValidationOptions options, CancellationToken cancellationToken)
    {
        ValidationReport? report = null;
        await console.Status().StartAsync("validating", async context =>
        {
            var progress = new Progress<long>(chunks => context.Status($"validating: {chunks} chunks decoded"));
            report = await ZarrValidator.ValidateAsync(store, path, options, progress, cancellationToken);
        });
        return report!;
    }

    /// <summary>
    /// The nearest <see cref="ConfigName"/> at or above <paramref name="path"/> (a local store),
    /// as options: <c>profile</c>, <c>deep</c>, <c>sample</c>, <c>select</c> and <c>ignore</c>.
    /// </summary>
    public static ValidationOptions ReadConfig(string path, ValidationOptions options)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out Uri? uri) && !uri.IsFile)
        {
            return options;
        }
        for (string? directory = Path.GetFullPath(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            string file = Path.Combine(directory, ConfigName);
            if (File.Exists(file))
            {
                return Apply(file, options);
            }
        }
        return options;
    }

    private static ValidationOptions Apply(string file, ValidationOptions options)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (JsonProperty member in document.RootElement.EnumerateObject())
            {
                options = member.Name switch
                {
                    "profile" => options with { Profile = ParseProfile(member.Value.GetString()) },
                    "deep" => options with { Deep = member.Value.GetBoolean() },
                    "sample" => options with { Sample = member.Value.GetInt32() },
                    "select" => options with { Select = [.. member.Value.EnumerateArray().Select(e => e.GetString()!)] },
                    "ignore" => options with { Ignore = [.. member.Value.EnumerateArray().Select(e => e.GetString()!)] },
                    _ => throw new UsageException($"{file}: unknown setting '{member.Name}' (profile, deep, sample, select, ignore)"),
                };
            }
            return options;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{file}: {e.Message}");
        }
    }

    public static ValidationProfile ParseProfile(string? name) => name switch
    {
        "strict" => ValidationProfile.Strict,
        "interoperable" => ValidationProfile.Interoperable,
        "lenient" => ValidationProfile.Lenient,
        _ => throw new UsageException($"profile must be strict, interoperable or lenient, not '{name}'"),
    };

    public static ReportFormat ParseFormat(string? name) => name switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "junit" => ReportFormat.Junit,
        _ => throw new UsageException($"format must be text, json, sarif or junit, not '{name}'"),
    };
}
