using Conformance.Tests.Support;

namespace Conformance.Tests.Validator;

/// <summary>The README's real run of <c>validate</c> shows what the command prints today.</summary>
public sealed class ReadmeRunTests
{
    [Test]
    public async Task The_readme_run_matches_the_command_output()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        const string Prompt = "$ dotnet run --project src/Validator -- ";
        int start = readme.IndexOf(Prompt, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the README shows a run");
        int lineEnd = readme.IndexOf('\n', start);
        string[] args = readme[(start + Prompt.Length)..lineEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int blockEnd = readme.IndexOf("\n```", lineEnd, StringComparison.Ordinal);
        string shown = readme[(lineEnd + 1)..blockEnd] + "\n";
        // The README gives the store relative to the checkout; run it by its full path and print it back relative.
        string relative = args.First(a => a.StartsWith("fixtures/", StringComparison.Ordinal));
        string absolute = Path.Combine(RepoPaths.Root, relative);
        (_, string output, _) = await CliRun.RunAsync([.. args.Select(a => a == relative ? absolute : a)]);
        Assert.That(output.Replace("\r\n", "\n").Replace(absolute, relative), Is.EqualTo(shown));
    }
}
