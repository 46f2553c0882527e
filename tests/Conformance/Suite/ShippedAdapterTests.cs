using System.Text.Json;
using Conformance.Tests.Support;
using Conformance.Tests.Validator;
using Conformance.Validator;

namespace Conformance.Tests.Suite;

/// <summary>
/// The adapters shipped in <c>adapters/</c> run in CI: zarrita through its adapter with its known
/// deviations (a deviation that starts passing, or goes stale, fails here until it is taken off
/// the list), and the matrix of zarrita and the reference, each reading what each wrote.
/// </summary>
public sealed class ShippedAdapterTests
{
    private static readonly NodePackage Zarrita = new(Path.Combine(RepoPaths.Root, "adapters", "zarrita"), "zarrita");

    [Test]
    public async Task Zarrita_runs_through_its_adapter_from_the_command_line()
    {
        Zarrita.Require();
        (int code, string output, string error) = await CliRun.RunAsync("suite", "run", "--adapter", $"node '{Path.Combine(Zarrita.Directory, "adapter.mjs")}'",
            "--deviations", Path.Combine(Zarrita.Directory, "deviations.json"), "--cases", "*/codecs/gzip*");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")), output);
        Assert.That(output, Does.Match(@"zarrita 0\.7\.5 \(JavaScript\): [1-9]\d* passed, 0 failed, 0 errors"));
    }

    [Test]
    public async Task The_matrix_of_the_shipped_adapters_holds_every_known_deviation_and_nothing_else()
    {
        Zarrita.Require();
        using var folder = new TempDirectory();
        (int code, string output, string error) = await CliRun.RunAsync("suite", "matrix", folder.Path);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")), output);
        using JsonDocument matrix = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder.Path, "matrix.json")));
        JsonElement root = matrix.RootElement;
        Assert.That(root.GetProperty("implementations").EnumerateArray().Select(i => i.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "conformance-reference", "zarrita" }));
        string[] outcomes = [.. root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!)];
        Assert.That(outcomes, Has.None.AnyOf("fail", "error", "fixed", "stale"));
        Assert.That(outcomes.Count(o => o == "known"), Is.GreaterThan(0), "zarrita's known deviations are exercised");
        var pairs = root.GetProperty("cross").EnumerateArray()
            .GroupBy(c => (c.GetProperty("writer").GetString(), c.GetProperty("reader").GetString()))
            .ToDictionary(g => g.Key, g => g.Select(c => c.GetProperty("outcome").GetString()).ToArray());
        Assert.That(pairs.Keys, Has.Count.EqualTo(4));
        Assert.That(pairs[("conformance-reference", "conformance-reference")], Is.All.EqualTo("pass"));
        Assert.That(pairs[("zarrita", "conformance-reference")].Count(o => o == "pass"), Is.GreaterThan(100), "the reference reads what zarrita writes");
        Assert.That(File.ReadAllText(Path.Combine(folder.Path, "matrix.html")), Does.Contain("suite-data"));
    }
}
