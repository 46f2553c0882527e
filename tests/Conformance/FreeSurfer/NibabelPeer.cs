using System.Diagnostics;
using System.Text.Json;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>
/// The nibabel scripts under <c>tests/Conformance/Peers/nibabel/freesurfer</c>, run with the
/// system Python (Debian's python3-nibabel is visible only to /usr/bin/python3).
/// </summary>
internal static class NibabelPeer
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(Probe);

    private static string Scripts => Path.Combine(RepoPaths.Root, "tests", "Conformance", "Peers", "nibabel", "freesurfer");

    /// <summary>Skips the test (or, under CI, fails it) when Python or nibabel cannot be had.</summary>
    public static void Require()
    {
        if (Missing.Value is string why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"nibabel cannot run in CI: {why}");
            }
            Assert.Ignore(why);
        }
    }

    /// <summary>What nibabel reads from <paramref name="path"/> as a file of <paramref name="kind"/>.</summary>
    public static JsonElement Read(string kind, string path)
    {
        using JsonDocument document = JsonDocument.Parse(Run(Path.Combine(Scripts, "read.py"), kind, path));
        return document.RootElement.Clone();
    }

    /// <summary>Has nibabel write <paramref name="path"/> from the JSON description <paramref name="spec"/>.</summary>
    public static void Write(string kind, object spec, string path)
    {
        string input = path + ".json";
        File.WriteAllText(input, JsonSerializer.Serialize(spec));
        Run(Path.Combine(Scripts, "write.py"), kind, input, path);
    }

    private static string? Probe()
    {
        try
        {
            Run("-c", "import nibabel.freesurfer.io");
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"{Python} with nibabel is not available: {e.Message}";
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Python} {string.Join(' ', arguments)} did not finish in time");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Python} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        }
        return output.Result;
    }
}
