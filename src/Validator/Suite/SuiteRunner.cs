namespace Conformance.Validator.Suite;

/// <summary>
/// Runs suite cases against adapters, several at once: one implementation over the selected
/// cases (<c>suite run</c>), or every implementation against every other as writer and reader
/// (<c>suite matrix</c>).
/// </summary>
public static class SuiteRunner
{
    /// <summary>
    /// Every case against one adapter, with its known deviations applied. Write cases leave
    /// their store in <paramref name="writtenStore"/>'s folder when given (for a matrix), else in
    /// a temporary folder that is removed.
    /// </summary>
    public static async Task<IReadOnlyList<CaseResult>> RunAsync(Adapter adapter, IReadOnlyList<SuiteCase> cases, Deviations deviations, int jobs, Func<SuiteCase, string>? writtenStore = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new CaseResult[cases.Count];
        int done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken }, async (i, token) =>
        {
            results[i] = deviations.Apply(await RunCaseAsync(adapter, cases[i], writtenStore, token));
            int finished = Interlocked.Increment(ref done);
            progress?.Report(finished);
        });
        return results;
    }

    /// <summary>
    /// The compatibility matrix: each adapter's own run over the cases, then every adapter that
    /// reads against what every adapter that writes wrote for each write case.
    /// </summary>
    public static async Task<SuiteReport> MatrixAsync(IReadOnlyList<(Adapter Adapter, Deviations Deviations)> adapters, IReadOnlyList<SuiteCase> cases, int jobs, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        DirectoryInfo scratch = Directory.CreateTempSubdirectory("conformance-matrix-");
        try
        {
            var results = new List<(string, CaseResult)>();
            var problems = new List<string>();
            var written = new Dictionary<(string Writer, string Case), string>();
            foreach ((Adapter adapter, Deviations deviations) in adapters)
            {
                string name = adapter.Info.Name;
                progress?.Report($"{name}: {cases.Count} cases");
                string Folder(SuiteCase c) => written[(name, c.Id)] = Path.Combine(scratch.FullName, Safe(name), Safe(c.Folder));
                foreach (SuiteCase writeCase in cases.Where(c => c.Kind == SuiteCaseKind.Write))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Folder(writeCase))!);
                }
                IReadOnlyList<CaseResult> own = await RunAsync(adapter, cases, deviations, jobs, c => written[(name, c.Id)], null, cancellationToken);
                results.AddRange(own.Select(r => (name, r)));
                problems.AddRange(deviations.Unknown(cases).Select(id => $"{name}: the known deviations name {id}, which is not a case"));
            }
            var pairs = (
                from writer in adapters
                from reader in adapters
                from c in cases
                where c.Kind == SuiteCaseKind.Write
                select (Writer: writer.Adapter, Reader: reader.Adapter, Case: c)).ToArray();
            progress?.Report($"writer x reader: {pairs.Length} reads");
            var cross = new CrossResult[pairs.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, pairs.Length), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken }, async (i, token) =>
            {
                (Adapter writer, Adapter reader, SuiteCase c) = pairs[i];
                cross[i] = await CrossAsync(writer, reader, c, written[(writer.Info.Name, c.Id)], token);
            });
            return new SuiteReport([.. adapters.Select(a => a.Adapter.Info)], cases, results, cross, problems);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<CrossResult> CrossAsync(Adapter writer, Adapter reader, SuiteCase fixture, string store, CancellationToken cancellationToken)
    {
        CrossResult Result(CaseOutcome outcome, string message) => new(writer.Info.Name, reader.Info.Name, fixture, outcome, message);
        if (!File.Exists(Path.Combine(store, "zarr.json")))
        {
            return Result(CaseOutcome.Skip, $"{writer.Info.Name} wrote no store for this case");
        }
        string[] missing = [.. reader.Info.Missing(fixture.Features.Where(f => f != SuiteFeatures.Write).Append(SuiteFeatures.Read))];
        if (missing.Length > 0)
        {
            return Result(CaseOutcome.Skip, $"{reader.Info.Name} does not claim {string.Join(", ", missing)}");
        }
        try
        {
            (CaseOutcome outcome, string message) = await SuiteChecks.ReadWrittenAsync(reader, fixture, store, cancellationToken);
            return Result(outcome, message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Result(CaseOutcome.Error, e.Message);
        }
    }

    private static async Task<CaseResult> RunCaseAsync(Adapter adapter, SuiteCase fixture, Func<SuiteCase, string>? writtenStore, CancellationToken cancellationToken)
    {
        string[] missing = [.. fixture.Kind == SuiteCaseKind.Write ? adapter.Info.MissingToWrite(fixture.Features) : adapter.Info.Missing(fixture.Features)];
        if (missing.Length > 0)
        {
            string role = fixture.Kind == SuiteCaseKind.Write && adapter.Info.WriteFeatures is not null ? " to write" : "";
            return new CaseResult(fixture, CaseOutcome.Skip, $"needs {string.Join(", ", missing.Order(StringComparer.Ordinal))}{role}", TimeSpan.Zero);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DirectoryInfo? scratch = null;
        try
        {
            (CaseOutcome outcome, string message) = fixture.Kind switch
            {
                SuiteCaseKind.Read => await SuiteChecks.ReadAsync(adapter, fixture, cancellationToken),
                SuiteCaseKind.MustFail => await SuiteChecks.MustFailAsync(adapter, fixture, cancellationToken),
                SuiteCaseKind.Validate => await SuiteChecks.ValidateAsync(adapter, fixture, cancellationToken),
                SuiteCaseKind.Write => await SuiteChecks.WriteAsync(adapter, fixture,
                    writtenStore?.Invoke(fixture) ?? Path.Combine((scratch = Directory.CreateTempSubdirectory("conformance-suite-")).FullName, "store"), cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
            };
            return new CaseResult(fixture, outcome, message, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new CaseResult(fixture, CaseOutcome.Error, "the case could not be run: " + e.Message, clock.Elapsed);
        }
        finally
        {
            scratch?.Delete(recursive: true);
        }
    }

    /// <summary>A folder name from a case folder or implementation name.</summary>
    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
