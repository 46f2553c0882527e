using System.Diagnostics;
using System.Text;

namespace Conformance.Validator.Suite;

/// <summary>
/// Runs an adapter command line with arguments appended, as a shell would (so
/// <c>node adapters/zarrita/adapter.mjs</c> works), with a time limit and bounds on what it may
/// print: stdout is kept up to a number of lines, stderr up to a number of characters; past the
/// line bound the process is stopped and the run marked truncated.
/// </summary>
public static class AdapterProcess
{
    private const int MaxErrorChars = 64 * 1024;

    public static async Task<AdapterRun> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout, long maxLines, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command + " \"$@\"");
        start.ArgumentList.Add("adapter");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        process.StandardInput.Close();
        var lines = new List<string>();
        bool truncated = false;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        Task<string> error = ReadBoundedAsync(process.StandardError, MaxErrorChars);
        bool timedOut = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is string line)
            {
                if (lines.Count >= maxLines)
                {
                    truncated = true;
                    break;
                }
                lines.Add(line);
            }
            if (!truncated)
            {
                await process.WaitForExitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        string errorText = await error;
        return new AdapterRun(timedOut || truncated ? null : process.ExitCode, lines, errorText, timedOut, truncated, clock.Elapsed);
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader, int maxChars)
    {
        var text = new StringBuilder();
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (text.Length < maxChars)
            {
                text.Append(buffer, 0, Math.Min(read, maxChars - text.Length));
            }
        }
        return text.ToString();
    }
}
