using System.Diagnostics;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// The committed fixture cases are exactly what <c>fixtures/zarr-v3/generate.py</c> writes now:
/// a fresh generation into a temporary folder holds the same files, byte for byte, and no others.
/// </summary>
public sealed class FixtureGenerationTests
{
    [Test]
    public async Task The_committed_fixtures_equal_a_fresh_generation()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Ignore("python3 is not installed");
        }
        string corpus = Path.Combine(RepoPaths.Fixtures, "zarr-v3");
        using var fresh = new TempDirectory();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(corpus, "generate.py"));
        start.ArgumentList.Add(fresh.Path);
        using (Process process = Process.Start(start)!)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, error + await output);
        }
        string[] generated = [.. Files(fresh.Path)];
        string[] committed = [.. Files(corpus).Where(f => f.Contains('/', StringComparison.Ordinal))];
        Assert.That(committed, Is.EqualTo(generated), "the same cases and files");
        foreach (string file in generated)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(corpus, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(fresh.Path, file))), file);
        }
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
