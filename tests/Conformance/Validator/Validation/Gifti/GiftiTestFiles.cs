using Conformance.Tests.Support;

namespace Conformance.Tests.Validator.Validation.Gifti;

/// <summary>GIFTI files for the validator's tests: fixture files, and fixture files changed by text edits.</summary>
internal static class GiftiTestFiles
{
    /// <summary>The .gii file of a GIFTI fixture case, e.g. <c>valid/surface/ascii</c>.</summary>
    public static string Fixture(string relative) => Path.Combine(RepoPaths.Fixtures, "gifti", relative, "store", "surface.gii");

    /// <summary>Copies a fixture's file into <paramref name="directory"/> with each (old, new) replacement made exactly once.</summary>
    public static string Edited(TempDirectory directory, string relative, params (string Old, string New)[] edits)
    {
        string text = File.ReadAllText(Fixture(relative));
        foreach ((string old, string replacement) in edits)
        {
            int at = text.IndexOf(old, StringComparison.Ordinal);
            Assert.That(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, Is.True, $"\"{old}\" occurs once");
            text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
        }
        string path = Path.Combine(directory.Path, "surface.gii");
        File.WriteAllText(path, text);
        return path;
    }
}
