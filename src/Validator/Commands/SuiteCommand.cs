using System.Text;
using System.Text.Json;
using Conformance.Validator.Suite;
using Spectre.Console;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance suite run</c> and <c>suite matrix</c>: the fixture corpus as a conformance
/// suite for other implementations, reached through adapters (spec/adapter-protocol.md).
/// </summary>
public static class SuiteCommand
{
    public static readonly string[] Formats = ["text", "json", "junit", "md", "html"];

    public static async Task<int> RunAsync(string command, string? cases, string format, string? outputPath, string? deviationsPath, string? fixtures, TimeSpan timeout, int jobs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        CheckFormat(format);
        IReadOnlyList<SuiteCase> corpus = SuiteCorpus.Load(FixturesFolder(fixtures));
        IReadOnlyList<SuiteCase> selected = SuiteCorpus.Select(corpus, cases);
        Deviations deviations = deviationsPath is null ? Deviations.None : Deviations.Load(deviationsPath);
        Adapter adapter = await StartAsync(() => Adapter.StartAsync(command, timeout, null, cancellationToken));
        IReadOnlyList<CaseResult> results = await WithProgressAsync(error, selected.Count, adapter.Info.Name,
            progress => SuiteRunner.RunAsync(adapter, selected, deviations, jobs, null, progress, cancellationToken));
        string[] problems = [.. deviations.Unknown(corpus).Select(id => $"the known deviations name {id}, which is not a case")];
        var report = new SuiteReport([adapter.Info], selected, [.. results.Select(r => (adapter.Info.Name, r))], [], problems);
        await WriteReportAsync(report, format, outputPath, output, cancellationToken);
        return report.Passed ? ExitCodes.Success : ExitCodes.InputRejected;
    }

    /// <summary>Runs every shipped adapter (or those given) and writes matrix.json, matrix.md and matrix.html into <paramref name="folder"/>.</summary>
    public static async Task<int> MatrixAsync(string folder, IReadOnlyList<string> adapterFiles, string? cases, string? fixtures, TimeSpan timeout, int jobs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string fixturesFolder = FixturesFolder(fixtures);
        string root = Path.GetDirectoryName(Path.GetFullPath(fixturesFolder))!;
        IReadOnlyList<ShippedAdapter> shipped = adapterFiles.Count == 0
            ? ShippedAdapter.Find(root)
            : [.. adapterFiles.Select(f => ShippedAdapter.Load(f, root))];
        if (shipped.Count == 0)
        {
            throw new UsageException($"no adapters: none under {Path.Combine(root, "adapters")} and none given with --adapter");
        }
        var adapters = new List<(Adapter, Deviations)>();
        foreach (ShippedAdapter description in shipped)
        {
            adapters.Add((await StartAsync(() => description.StartAsync(timeout, cancellationToken)), description.LoadDeviations()));
        }
        IReadOnlyList<SuiteCase> selected = SuiteCorpus.Select(SuiteCorpus.Load(fixturesFolder), cases);
        IAnsiConsole? console = Terminal.ForProgress(error);
        var progress = new Progress<string>(stage =>
        {
            if (console is not null)
            {
                console.MarkupLineInterpolated($"[grey]{stage}[/]");
            }
        });
        SuiteReport report = await SuiteRunner.MatrixAsync(adapters, selected, jobs, progress, cancellationToken);
        Directory.CreateDirectory(folder);
        await WriteAtomicallyAsync(Path.Combine(folder, "matrix.json"), SuiteReportJson.Write(report), cancellationToken);
        await WriteAtomicallyAsync(Path.Combine(folder, "matrix.md"), Encoding.UTF8.GetBytes(SuiteReportMarkdown.Write(report)), cancellationToken);
        await WriteAtomicallyAsync(Path.Combine(folder, "matrix.html"), Encoding.UTF8.GetBytes(Html(report)), cancellationToken);
        await output.WriteAsync(SuiteReportText.Write(report).AsMemory(), cancellationToken);
        await output.WriteLineAsync($"matrix written to {Path.Combine(folder, "matrix.html")}".AsMemory(), cancellationToken);
        return report.Passed ? ExitCodes.Success : ExitCodes.InputRejected;
    }

    private static void CheckFormat(string format)
    {
        if (!Formats.Contains(format))
        {
            throw new UsageException($"--format is one of {string.Join(", ", Formats)}, not {format}");
        }
    }

    private static string FixturesFolder(string? fixtures) =>
        fixtures ?? ExplainCommand.FindFixtures() ?? throw new UsageException("no fixtures folder found above the working folder; give one with --fixtures");

    private static async Task<Adapter> StartAsync(Func<Task<Adapter>> start)
    {
        try
        {
            return await start();
        }
        catch (AdapterException e)
        {
            throw new UsageException("the adapter cannot be used: " + e.Message);
        }
    }

    private static async Task<IReadOnlyList<CaseResult>> WithProgressAsync(TextWriter error, int total, string name, Func<IProgress<int>?, Task<IReadOnlyList<CaseResult>>> run)
    {
        if (Terminal.ForProgress(error) is not IAnsiConsole console)
        {
            return await run(null);
        }
        IReadOnlyList<CaseResult> results = [];
        await console.Status().StartAsync($"{name}: 0 of {total} cases", async context =>
        {
            results = await run(new Progress<int>(done => context.Status($"{name}: {done} of {total} cases")));
        });
        return results;
    }

    private static async Task WriteReportAsync(SuiteReport report, string format, string? outputPath, TextWriter output, CancellationToken cancellationToken)
    {
        byte[] bytes = format switch
        {
            "json" => SuiteReportJson.Write(report),
            "junit" => Encoding.UTF8.GetBytes(SuiteReportJunit.Write(report)),
            "md" => Encoding.UTF8.GetBytes(SuiteReportMarkdown.Write(report)),
            "html" => Encoding.UTF8.GetBytes(Html(report)),
            _ => Encoding.UTF8.GetBytes(SuiteReportText.Write(report)),
        };
        if (outputPath is null)
        {
            await output.WriteAsync(Encoding.UTF8.GetString(bytes).AsMemory(), cancellationToken);
            return;
        }
        await WriteAtomicallyAsync(outputPath, bytes, cancellationToken);
        await output.WriteAsync(SuiteReportText.Write(report).AsMemory(), cancellationToken);
    }

    private static string Html(SuiteReport report)
    {
        using JsonDocument document = JsonDocument.Parse(SuiteReportJson.Write(report));
        return MatrixPage.Render(document.RootElement, report.Implementations.Count == 1 ? $"Conformance suite: {report.Implementations[0].Name}" : "Conformance suite: compatibility matrix");
    }

    /// <summary>Writes beside the destination and renames, so a failed run never leaves half a report.</summary>
    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
