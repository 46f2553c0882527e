using System.IO.Enumeration;
using System.Text.Json;
using Conformance.Validator.Fixtures;

namespace Conformance.Validator.Suite;

/// <summary>
/// The suite's cases, made from the Zarr v3 fixture corpus (spec/adapter-protocol.md, "Cases"):
/// read cases from valid stores, must-fail cases from invalid ones a reader meets, write cases
/// from valid stores of one root array, validate cases from both.
/// </summary>
public static class SuiteCorpus
{
    public const string Corpus = "zarr-v3";

    /// <summary>Every case under <paramref name="fixtures"/> (the folder holding <c>zarr-v3/</c>), in ID order.</summary>
    public static IReadOnlyList<SuiteCase> Load(string fixtures)
    {
        string root = Path.Combine(fixtures, Corpus);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no {Corpus} corpus in {fixtures}");
        }
        var cases = new List<SuiteCase>();
        foreach (string manifest in Directory.EnumerateFiles(root, "case.json", SearchOption.AllDirectories))
        {
            string folder = Path.GetDirectoryName(manifest)!;
            string name = Corpus + "/" + Path.GetRelativePath(root, folder).Replace('\\', '/');
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            cases.AddRange(CasesOf(document.RootElement, name, Path.Combine(folder, "store")));
        }
        return [.. cases.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>Cases whose ID matches <paramref name="glob"/> (<c>*</c> and <c>?</c>, <c>/</c> included).</summary>
    public static IReadOnlyList<SuiteCase> Select(IReadOnlyList<SuiteCase> cases, string? glob) =>
        glob is null ? cases : [.. cases.Where(c => FileSystemName.MatchesSimpleExpression(glob, c.Id, ignoreCase: false))];

    private static IEnumerable<SuiteCase> CasesOf(JsonElement manifest, string folder, string store)
    {
        string expect = manifest.GetProperty("expect").GetString()!;
        string description = manifest.GetProperty("description").GetString()!;
        string target = manifest.GetProperty("target").GetString()!;
        string[] features = manifest.TryGetProperty("features", out JsonElement list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];
        string[] rules = FixtureManifest.Rules(manifest);
        SuiteCase Make(SuiteCaseKind kind, string role, IReadOnlyList<string> arrays) =>
            new(kind, folder, description, store, target, arrays, new HashSet<string>(features.Append(role), StringComparer.Ordinal), rules, expect == "valid");
        if (expect == "valid")
        {
            string[] arrays = manifest.TryGetProperty("arrays", out JsonElement entries) ? [.. entries.EnumerateObject().Select(e => e.Name)] : [];
            string[] groups = manifest.TryGetProperty("groups", out JsonElement g) ? [.. g.EnumerateArray().Select(e => e.GetString()!)] : [];
            if (arrays.Length > 0)
            {
                yield return Make(SuiteCaseKind.Read, SuiteFeatures.Read, arrays);
            }
            if (arrays is ["/"] && groups.Length == 0)
            {
                yield return Make(SuiteCaseKind.Write, SuiteFeatures.Write, arrays);
            }
            yield return Make(SuiteCaseKind.Validate, SuiteFeatures.Validate, arrays);
        }
        else if (expect == "invalid")
        {
            if (manifest.TryGetProperty("stage", out _))
            {
                yield return Make(SuiteCaseKind.MustFail, SuiteFeatures.Read, [target]);
            }
            // A case about opening a node the store does not hold breaks nothing the store holds.
            if (File.Exists(Path.Combine(store, target.TrimStart('/'), "zarr.json")))
            {
                yield return Make(SuiteCaseKind.Validate, SuiteFeatures.Validate, []);
            }
        }
    }
}
