namespace Conformance.Validator.Fixtures;

/// <summary>
/// Writes fixture cases under a root folder. Each corpus's <c>valid</c>, <c>invalid</c> and
/// <c>unsupported</c> folders belong to the generator: they are written whole beside the old
/// ones and swapped in, so a failed run leaves the old cases and a finished one leaves no stale
/// case behind. Other files (READMEs) are left alone.
/// </summary>
public static class FixtureWriter
{
    private static readonly string[] Outcomes = ["valid", "invalid", "unsupported"];

    public static void Write(IReadOnlyCollection<FixtureCase> cases, string root)
    {
        string[] duplicates = [.. cases.GroupBy(c => c.Folder, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];
        if (duplicates.Length > 0)
        {
            throw new InvalidOperationException("two cases share a folder: " + string.Join(", ", duplicates));
        }
        foreach (IGrouping<string, FixtureCase> corpus in cases.GroupBy(c => c.Corpus, StringComparer.Ordinal))
        {
            string folder = Path.Combine(root, corpus.Key);
            string staging = Path.Combine(folder, ".generating");
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            try
            {
                foreach (FixtureCase fixture in corpus)
                {
                    WriteCase(fixture, Path.Combine(staging, fixture.Expect, fixture.Area, fixture.Name));
                }
                foreach (string outcome in Outcomes)
                {
                    string current = Path.Combine(folder, outcome);
                    if (Directory.Exists(current))
                    {
                        Directory.Delete(current, recursive: true);
                    }
                    if (Directory.Exists(Path.Combine(staging, outcome)))
                    {
                        Directory.Move(Path.Combine(staging, outcome), current);
                    }
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
    }

    private static void WriteCase(FixtureCase fixture, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "store"));
        File.WriteAllBytes(Path.Combine(folder, "case.json"), FixtureJson.Bytes(fixture.Manifest()));
        foreach ((string key, byte[] data) in fixture.Files)
        {
            CheckGitSafe(fixture, key, data);
            string path = Path.Combine([folder, "store", .. key.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, data);
        }
    }

    /// <summary>
    /// Store files are binary to git (.gitattributes), but a path git does not match as such
    /// would have CRLF rewritten on checkout; refuse to write one.
    /// </summary>
    private static void CheckGitSafe(FixtureCase fixture, string key, byte[] data)
    {
        if (key.EndsWith(".json", StringComparison.Ordinal) && data.AsSpan().IndexOf("\r\n"u8) >= 0)
        {
            throw new InvalidOperationException($"{fixture.Folder}/store/{key}: a JSON file with CRLF would be rewritten by git");
        }
    }
}
