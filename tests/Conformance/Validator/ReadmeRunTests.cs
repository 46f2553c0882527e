using Conformance.Tests.Support;

namespace Conformance.Tests.Validator;

/// <summary>Every real run of <c>validate</c> the README shows on a bundled fixture prints today what it shows.</summary>
public sealed class ReadmeRunTests
{
    private const string Prompt = "$ dotnet run --project src/Validator -- validate ";

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");

    public static IEnumerable<TestCaseData> Runs()
    {
        string readme = Readme;
        for (int start = readme.IndexOf(Prompt, StringComparison.Ordinal); start >= 0; start = readme.IndexOf(Prompt, start + 1, StringComparison.Ordinal))
        {
            int lineEnd = readme.IndexOf('\n', start);
            string command = readme[(start + "$ dotnet run --project src/Validator -- ".Length)..lineEnd];
            yield return new TestCaseData(start).SetName("README: " + command);
        }
    }

    [Test]
    public void The_readme_shows_runs() => Assert.That(Runs().Count(), Is.GreaterThanOrEqualTo(2));

    [TestCaseSource(nameof(Runs))]
    public async Task The_run_matches_the_command_output(int start)
    {
        string readme = Readme;
        int lineEnd = readme.IndexOf('\n', start);
        string[] args = readme[(start + "$ dotnet run --project src/Validator -- ".Length)..lineEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int blockEnd = readme.IndexOf("\n```", lineEnd, StringComparison.Ordinal);
        string shown = readme[(lineEnd + 1)..blockEnd] + "\n";
        // The README gives the input relative to the checkout; run it by its full path and print it back relative.
        string relative = args.First(a => a.StartsWith("fixtures/", StringComparison.Ordinal));
        string absolute = Path.Combine(RepoPaths.Root, relative);
        (_, string output, _) = await CliRun.RunAsync([.. args.Select(a => a == relative ? absolute : a)]);
        Assert.That(output.Replace("\r\n", "\n").Replace(absolute, relative), Is.EqualTo(shown));
    }
}
