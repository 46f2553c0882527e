using System.Diagnostics;
using Conformance.Tests.Support;

namespace Conformance.Tests.Peers;

/// <summary>
/// Runs the zarrita harness in <c>tests/Conformance/Peers/zarrita</c> (node + the npm package
/// pinned by its lock file), installing it with <c>npm ci</c> on first use.
/// </summary>
public static class ZarritaPeer
{
    private static readonly Lazy<string?> Unavailable = new(Install);

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Conformance", "Peers", "zarrita");

    /// <summary>Skips the test (or, under CI, fails it) when node or the package cannot be had.</summary>
    public static void Require()
    {
        if (Unavailable.Value is string why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("zarrita cross-check cannot run in CI: " + why);
            }
            Assert.Ignore(why);
        }
    }

    public static Task<string> WriteAsync(string outDirectory) => RunAsync("node", ["write.mjs", outDirectory]);

    /// <summary>Writes an OME-Zarr 0.5 image pyramid with labels (write-ome.mjs).</summary>
    public static Task<string> WriteOmeAsync(string outDirectory) => RunAsync("node", ["write-ome.mjs", outDirectory]);

    public static Task<string> ReadAsync(string storeRoot, string arrayPath) => RunAsync("node", ["read.mjs", storeRoot, arrayPath]);

    private static string? Install()
    {
        try
        {
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "zarrita")))
            {
                RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
            }
            RunAsync("node", ["--version"]).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return "node/npm or the zarrita package is not available: " + e.Message;
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }
}
