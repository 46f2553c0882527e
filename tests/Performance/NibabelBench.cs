using System.Diagnostics;
using System.Text.Json;

namespace Conformance.Performance;

/// <summary>
/// A long-running <c>/usr/bin/python3 nibabel/bench.py</c> (Debian's python3-nibabel, which only
/// that Python sees) that reads one surface file on request. Python's start-up and the imports
/// of nibabel and numpy happen in <see cref="Start"/>; each <see cref="Run"/> is then one read,
/// so timing it times nibabel's read plus one line each way over a pipe, as
/// <see cref="ZarritaBench"/> does for zarrita.
/// </summary>
internal sealed class NibabelBench : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private NibabelBench(Process process)
    {
        _process = process;
    }

    /// <summary>Read times measured inside Python, in milliseconds, in the order run.</summary>
    public List<double> PythonMilliseconds { get; } = [];

    /// <summary>nibabel's and numpy's versions, as the script reported them.</summary>
    public string Versions { get; private set; } = "";

    public static string Script { get; } = Path.Combine(ZarritaBench.FindRoot(), "tests", "Performance", "nibabel", "bench.py");

    /// <summary>Starts Python on <paramref name="path"/>, a GIFTI file or, when <paramref name="freeSurfer"/>, a FreeSurfer surface.</summary>
    public static NibabelBench Start(string path, bool freeSurfer)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(freeSurfer ? "freesurfer" : "gifti");
        start.ArgumentList.Add(path);
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        var bench = new NibabelBench(process);
        try
        {
            using JsonDocument ready = bench.Request("ready");
            bench.Versions = $"nibabel {ready.RootElement.GetProperty("nibabel").GetString()}, numpy {ready.RootElement.GetProperty("numpy").GetString()}";
        }
        catch
        {
            bench.Dispose();
            throw;
        }
        return bench;
    }

    /// <summary>One read of the file.</summary>
    public void Run()
    {
        using JsonDocument answer = Request("run");
        PythonMilliseconds.Add(answer.RootElement.GetProperty("ms").GetDouble());
    }

    /// <summary>One read, then the SHA-256 of what nibabel read, as <see cref="SurfaceMesh.Sha256"/> writes it.</summary>
    public string Hash()
    {
        using JsonDocument answer = Request("check");
        return answer.RootElement.GetProperty("sha256").GetString() ?? "";
    }

    private JsonDocument Request(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
        string answer = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"{Python} bench.py exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}) on '{line}'");
        JsonDocument document = JsonDocument.Parse(answer);
        if (document.RootElement.TryGetProperty("error", out JsonElement error))
        {
            document.Dispose();
            throw new InvalidOperationException($"nibabel bench.py failed on '{line}': {error.GetString()}");
        }
        return document;
    }

    public void Dispose()
    {
        // Closing stdin ends the request loop and Python exits.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
