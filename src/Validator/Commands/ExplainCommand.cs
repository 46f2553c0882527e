using System.Text.Json;
using Conformance.Validator.Fixtures;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance explain RULE-ID</c>: the requirement in full (level, section, whom it binds,
/// the spec link, our paraphrase and ruling), and, where the fixture corpus is at hand, a valid
/// case about the same section and the cases that break the rule, with their documents.
/// </summary>
public static class ExplainCommand
{
    public static async Task WriteAsync(RuleCatalog catalog, string id, string? fixtures, TextWriter output, CancellationToken cancellationToken = default)
    {
        Rule rule = catalog.Find(id) ?? catalog.Find(id.ToUpperInvariant())
            ?? throw new UsageException($"no rule {id}; `conformance rules` lists them");
        await output.WriteLineAsync($"{rule.Id}: {rule.Summary}".AsMemory(), cancellationToken);
        await output.WriteLineAsync($"  level    {rule.Level} (strict: {Name(rule.SeverityUnder(ValidationProfile.Strict))}, interoperable: {Name(rule.SeverityUnder(ValidationProfile.Interoperable))}, lenient: {Name(rule.SeverityUnder(ValidationProfile.Lenient))})".AsMemory(), cancellationToken);
        await output.WriteLineAsync($"  section  {rule.Section}".AsMemory(), cancellationToken);
        await output.WriteLineAsync($"  binds    {rule.Binds}".AsMemory(), cancellationToken);
        await output.WriteLineAsync($"  spec     {rule.Link}".AsMemory(), cancellationToken);
        if (rule.Ruling is not null)
        {
            await output.WriteLineAsync($"  ruling   {rule.Ruling}".AsMemory(), cancellationToken);
        }
        if (fixtures is null || !Directory.Exists(fixtures))
        {
            return;
        }
        var valid = new List<(string Folder, JsonElement Case)>();
        var breaking = new List<(string Folder, JsonElement Case)>();
        foreach (string manifest in Directory.EnumerateFiles(fixtures, "case.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using JsonDocument document = JsonDocument.Parse(await File.ReadAllBytesAsync(manifest, cancellationToken));
            JsonElement root = document.RootElement.Clone();
            string folder = Path.GetDirectoryName(manifest)!;
            if (FixtureManifest.Rules(root).Contains(rule.Id) || FixtureManifest.Warnings(root).Contains(rule.Id))
            {
                breaking.Add((folder, root));
            }
            else if (root.GetProperty("expect").GetString() == "valid" && !root.TryGetProperty("warnings", out _))
            {
                valid.Add((folder, root));
            }
        }
        // A valid case about the same spec section as the first breaking one shows the rule kept.
        string? section = breaking.Count > 0 ? breaking[0].Case.GetProperty("spec").GetString() : null;
        foreach ((string folder, JsonElement root) in valid.Where(v => v.Case.GetProperty("spec").GetString() == section).Take(1))
        {
            await WriteExampleAsync("valid example", fixtures, folder, root, output, cancellationToken);
        }
        foreach ((string folder, JsonElement root) in breaking)
        {
            await WriteExampleAsync("breaks it", fixtures, folder, root, output, cancellationToken);
        }
    }

    private static async Task WriteExampleAsync(string title, string fixtures, string folder, JsonElement root, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Empty.AsMemory(), cancellationToken);
        await output.WriteLineAsync($"{title}: {Path.GetRelativePath(fixtures, folder).Replace('\\', '/')} ({root.GetProperty("expect").GetString()})".AsMemory(), cancellationToken);
        await output.WriteLineAsync($"  {root.GetProperty("description").GetString()}".AsMemory(), cancellationToken);
        string target = root.GetProperty("target").GetString()!.TrimStart('/');
        string metadata = Path.Combine(folder, "store", target, "zarr.json");
        if (File.Exists(metadata) && new FileInfo(metadata).Length <= 4096)
        {
            foreach (string line in (await File.ReadAllTextAsync(metadata, cancellationToken)).TrimEnd().Split('\n'))
            {
                await output.WriteLineAsync($"  | {line}".AsMemory(), cancellationToken);
            }
        }
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The fixtures folder (holding the corpora) of the checkout the tool runs from, if there is one above the working or program folder.</summary>
    public static string? FindFixtures()
    {
        foreach (string? start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (string? directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                string candidate = Path.Combine(directory, "fixtures");
                if (Directory.Exists(Path.Combine(candidate, "zarr-v3")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
