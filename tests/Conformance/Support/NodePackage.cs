using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conformance.Tests.Support;

/// <summary>
/// A folder of node scripts with an npm package pinned by its lock file (the zarrita harness,
/// the zarrita adapter): installed with <c>npm ci</c> on first use, and run with node.
/// </summary>
public sealed class NodePackage(string directory, string package)
{
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Installs = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    /// <summary>Skips the test (or, under CI, fails it) when node or the package cannot be had.</summary>
    public void Require()
    {
        if (Installs.GetOrAdd(Directory, _ => new Lazy<string?>(Install)).Value is string why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{package} cannot run in CI: {why}");
            }
            Assert.Ignore(why);
        }
    }

    public Task<string> NodeAsync(params string[] arguments) => RunAsync("node", arguments);

    private string? Install()
    {
        try
        {
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
            {
                RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
            }
            RunAsync("node", ["--version"]).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return $"node/npm or the {package} package is not available: {e.Message}";
        }
    }

    private async Task<string> RunAsync(string program, string[] arguments, TimeSpan? timeout = null)
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
