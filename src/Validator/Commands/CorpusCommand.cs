using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance validate</c> on a fixture corpus (a folder of cases, each a <c>case.json</c>
/// beside a <c>store/</c>): every store is validated in deep mode and the findings are held
/// against the case's manifest. A valid case must yield no error, and exactly the warnings its
/// manifest lists under <c>warnings</c> (recommendations it breaks on purpose); an invalid one an
/// error of its rule; an unsupported one a warning of it. A case about opening a node that is
/// not in its store must yield nothing, since the store itself is sound.
/// </summary>
public static class CorpusCommand
{
    public static bool IsCorpus(string path) =>
        Directory.Exists(path) && !File.Exists(Path.Combine(path, "zarr.json"))
        && Directory.EnumerateFiles(path, "case.json", SearchOption.AllDirectories).Any();

    public static async Task<int> RunAsync(string path, ValidationOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        options = options with { Deep = true };
        int cases = 0, failed = 0;
        foreach (string manifest in Directory.EnumerateFiles(path, "case.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string folder = Path.GetDirectoryName(manifest)!;
            string name = Path.GetRelativePath(path, folder).Replace('\\', '/');
            string? problem = await CheckCaseAsync(folder, options, cancellationToken);
            cases++;
            if (problem is null)
            {
                await output.WriteLineAsync($"ok    {name}".AsMemory(), cancellationToken);
            }
            else
            {
                failed++;
                await output.WriteLineAsync($"FAIL  {name}: {problem}".AsMemory(), cancellationToken);
            }
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{cases} cases: {cases - failed} as their manifests say, {failed} not").AsMemory(), cancellationToken);
        return failed == 0 ? ExitCodes.Success : ExitCodes.InputRejected;
    }

    /// <summary>What is wrong with one case's findings against its manifest (deep mode), or null when they agree.</summary>
    public static async Task<string?> CheckCaseAsync(string folder, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        string manifest = Path.Combine(folder, "case.json");
        options = options with { Deep = true };
        string expect, target;
        string? rule;
        string[] warnings;
        try
        {
            using JsonDocument document = JsonDocument.Parse(await File.ReadAllBytesAsync(manifest, cancellationToken));
            JsonElement root = document.RootElement;
            expect = root.GetProperty("expect").GetString()!;
            target = root.GetProperty("target").GetString()!;
            rule = root.TryGetProperty("rule", out JsonElement r) ? r.GetString() : null;
            warnings = root.TryGetProperty("warnings", out JsonElement w) ? [.. w.EnumerateArray().Select(e => e.GetString()!)] : [];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"case.json cannot be read: {e.Message}";
        }
        string store = Path.Combine(folder, "store");
        ValidationReport report = await ZarrValidator.ValidateAsync(new DirectoryStore(store, readOnly: true), store, options, null, cancellationToken);
        string Findings() => report.Diagnostics.Count == 0
            ? "no findings"
            : string.Join("; ", report.Diagnostics.Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.RuleId} at {d.Location}"));
        bool targetExists = File.Exists(Path.Combine(store, target.TrimStart('/'), "zarr.json"));
        if (expect == "valid" || !targetExists)
        {
            string[] found = [.. report.Diagnostics.Where(d => d.Severity != Severity.Note).Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.RuleId}").Distinct().Order(StringComparer.Ordinal)];
            string[] listed = [.. warnings.Select(w => "warning " + w).Order(StringComparer.Ordinal)];
            return found.SequenceEqual(listed)
                ? null
                : $"expected {(listed.Length == 0 ? "no errors or warnings" : string.Join(", ", listed))}, found {Findings()}";
        }
        Severity wanted = expect == "invalid" ? Severity.Error : Severity.Warning;
        return report.Diagnostics.Any(d => d.RuleId == rule && d.Severity == wanted)
            ? null
            : $"expected {wanted.ToString().ToLowerInvariant()} {rule}, found {Findings()}";
    }
}
