using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Conformance.Performance;

/// <summary>
/// A long-running <c>node zarrita/bench.mjs</c> (zarrita and its storage and codec packages,
/// pinned by <c>zarrita/package-lock.json</c>, installed with <c>npm ci</c> on first use) that
/// reads one store on request. Node's start-up, module loading and the first open of the
/// array happen in <see cref="Start"/>; each <see cref="Run"/> is then one read pass, so
/// timing it times zarrita's reads plus one line each way over a pipe.
/// </summary>
internal sealed class ZarritaBench : IDisposable
{
    private readonly Process _process;

    private ZarritaBench(Process process)
    {
        _process = process;
    }

    /// <summary>Pass times measured inside node, in milliseconds, in the order run.</summary>
    public List<double> NodeMilliseconds { get; } = [];

    public static string Directory { get; } = Path.Combine(FindRoot(), "tests", "Performance", "zarrita");

    public static ZarritaBench Start(string storeRoot, string arrayPath)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "zarrita")))
        {
            RunToEnd("npm", ["ci", "--no-audit", "--no-fund"]);
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("bench.mjs");
        start.ArgumentList.Add(storeRoot);
        start.ArgumentList.Add(arrayPath);
        Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var bench = new ZarritaBench(process);
        try
        {
            bench.Request("ready");
        }
        catch
        {
            bench.Dispose();
            throw;
        }
        return bench;
    }

    /// <summary>One read pass of <paramref name="pattern"/> with <paramref name="inFlight"/> gets awaited at a time.</summary>
    public void Run(ReadPattern pattern, int inFlight)
    {
        using JsonDocument answer = Request(string.Create(CultureInfo.InvariantCulture, $"run {Name(pattern)} {inFlight}"));
        NodeMilliseconds.Add(answer.RootElement.GetProperty("ms").GetDouble());
    }

    /// <summary>
    /// One pass whose values zarrita also places in a C-order array of the whole shape (outside
    /// its timing); returns that array's SHA-256, as <see cref="ShardedVolume.Sha256"/> writes it.
    /// </summary>
    public string Hash(ReadPattern pattern, int inFlight)
    {
        using JsonDocument answer = Request(string.Create(CultureInfo.InvariantCulture, $"hash {Name(pattern)} {inFlight}"));
        return answer.RootElement.GetProperty("sha256").GetString() ?? "";
    }

    private JsonDocument Request(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
        string answer = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"node bench.mjs exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}) on '{line}'");
        JsonDocument document = JsonDocument.Parse(answer);
        if (document.RootElement.TryGetProperty("error", out JsonElement error))
        {
            document.Dispose();
            throw new InvalidOperationException($"node bench.mjs failed on '{line}': {error.GetString()}");
        }
        return document;
    }

    private static string Name(ReadPattern pattern) => pattern switch
    {
        ReadPattern.All => "all",
        ReadPattern.Shards => "shards",
        ReadPattern.InnerChunks => "inner",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    public void Dispose()
    {
        // Closing stdin ends the request loop and node exits.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static void RunToEnd(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Directory, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in five minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}");
        }
    }

    // BenchmarkDotNet runs each case from a project it generates under the benchmark's bin folder.
    internal static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Conformance.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new InvalidOperationException("Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
