using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Fixtures;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance validate</c> on a fixture corpus (a folder of cases, each a <c>case.json</c>
/// beside a <c>store/</c>; for a single-file format, <c>file</c> names the file in it): every
/// store or file is validated in deep mode and the findings are held
/// against the case's manifest: the errors must be exactly the rules an invalid case lists under
/// <c>rules</c> (none for other cases), and the warnings exactly those listed under
/// <c>warnings</c> (recommendations broken on purpose) plus, for an unsupported case, its
/// <c>rules</c> (what the reference declines is reported as not checked). A case about opening
/// a node that is not in its store must yield no error, since the store itself is sound.
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
        string? file;
        string[] rules, warnings;
        try
        {
            using JsonDocument document = JsonDocument.Parse(await File.ReadAllBytesAsync(manifest, cancellationToken));
            JsonElement root = document.RootElement;
            expect = root.GetProperty("expect").GetString()!;
            target = root.GetProperty("target").GetString()!;
            rules = FixtureManifest.Rules(root);
            warnings = FixtureManifest.Warnings(root);
            file = root.TryGetProperty("file", out JsonElement f) ? f.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"case.json cannot be read: {e.Message}";
        }
        string store = Path.Combine(folder, "store");
        ValidationReport report;
        bool targetExists;
        if (file is not null)
        {
            string path = Path.Combine(store, file);
            IFileValidator validator = FileValidators.For(path) ?? throw new InvalidOperationException($"{path}: no validator recognises this file");
            report = await validator.ValidateAsync(path, options, cancellationToken);
            targetExists = true;
        }
        else
        {
            report = await ZarrValidator.ValidateAsync(new DirectoryStore(store, readOnly: true), store, options, null, cancellationToken);
            // A case about opening a node that is not in its store breaks nothing the store holds.
            targetExists = File.Exists(Path.Combine(store, target.TrimStart('/'), "zarr.json"));
        }
        IEnumerable<string> errors = expect == "invalid" && targetExists ? rules : [];
        IEnumerable<string> warned = expect == "unsupported" && targetExists ? rules.Concat(warnings) : warnings;
        string[] listed = [.. errors.Select(r => "error " + r).Concat(warned.Select(w => "warning " + w)).Distinct().Order(StringComparer.Ordinal)];
        string[] found = [.. report.Diagnostics.Where(d => d.Severity != Severity.Note).Select(d => $"{Name(d.Severity)} {d.RuleId}").Distinct().Order(StringComparer.Ordinal)];
        if (found.SequenceEqual(listed))
        {
            return null;
        }
        string findings = report.Diagnostics.Count == 0
            ? "no findings"
            : string.Join("; ", report.Diagnostics.Select(d => $"{Name(d.Severity)} {d.RuleId} at {d.Location}"));
        return $"expected {(listed.Length == 0 ? "no errors or warnings" : string.Join(", ", listed))}, found {findings}";
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
