using System.Diagnostics;

namespace Conformance.Tests.Support;

/// <summary>
/// Debian's nibabel, the peer for the surface formats: the scripts under
/// <c>tests/Conformance/Peers/nibabel/</c> run with <c>/usr/bin/python3</c>, the only Python that
/// sees Debian's python3-* packages. Tests skip when it is missing, but fail under CI, which
/// installs it.
/// </summary>
internal static class Nibabel
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>The folder of one format's scripts, e.g. <c>gifti</c> or <c>freesurfer</c>.</summary>
    public static string Scripts(string format) => Path.Combine(RepoPaths.Root, "tests", "Conformance", "Peers", "nibabel", format);

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

    /// <summary>Runs Python with <paramref name="arguments"/> and returns what it printed; a failure throws with its stderr.</summary>
    public static string Run(params string[] arguments)
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

    private static string? Probe()
    {
        try
        {
            Run("-c", "import nibabel.gifti, nibabel.freesurfer.io");
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"{Python} with nibabel is not available: {e.Message}";
        }
    }
}
