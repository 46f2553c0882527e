using Conformance.Tests.Support;
using Conformance.Validator.Commands;
using Conformance.Validator.Fixtures;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// The committed fixture cases are exactly what <c>conformance fixtures generate</c> writes now:
/// a fresh generation into a temporary folder holds the same files, byte for byte, and no others;
/// and a second generation writes the same bytes again.
/// </summary>
public sealed class FixtureGenerationTests
{
    [Test]
    public void The_committed_fixtures_equal_a_fresh_generation()
    {
        using var fresh = new TempDirectory();
        FixtureWriter.Write(FixturesCommand.AllCases(), fresh.Path);
        string[] generated = [.. Files(fresh.Path)];
        string[] committed = [.. Files(RepoPaths.Fixtures)];
        Assert.That(committed, Is.EqualTo(generated), "the same cases and files; regenerate with: dotnet run --project src/Validator -- fixtures generate fixtures");
        foreach (string file in generated)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(fresh.Path, file))), file);
        }
    }

    [Test]
    public void Generating_twice_gives_the_same_bytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        FixtureWriter.Write(FixturesCommand.AllCases(), first.Path);
        FixtureWriter.Write(FixturesCommand.AllCases(), second.Path);
        string[] files = [.. Files(first.Path)];
        Assert.That(Files(second.Path), Is.EqualTo(files));
        Assert.That(files.Where(f => !File.ReadAllBytes(Path.Combine(first.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, f)))), Is.Empty);
    }

    [Test]
    public void A_generation_replaces_stale_cases_and_leaves_other_files()
    {
        using var root = new TempDirectory();
        string stale = Path.Combine(root.Path, "zarr-v3", "invalid", "metadata", "gone", "case.json");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "{}");
        string readme = Path.Combine(root.Path, "zarr-v3", "README.md");
        File.WriteAllText(readme, "kept");
        FixtureWriter.Write(FixturesCommand.AllCases(), root.Path);
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(File.ReadAllText(readme), Is.EqualTo("kept"));
        Assert.That(Directory.GetDirectories(Path.Combine(root.Path, "zarr-v3")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "valid", "invalid", "unsupported" }));
    }

    /// <summary>The generated files: everything under a corpus's valid, invalid or unsupported folder.</summary>
    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f.Split('/') is [_, "valid" or "invalid" or "unsupported", ..])
            .Order(StringComparer.Ordinal);
}
