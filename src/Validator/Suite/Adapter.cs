using System.Diagnostics;
using System.Globalization;

namespace Conformance.Validator.Suite;

/// <summary>
/// An implementation under test, reached through its adapter command line
/// (spec/adapter-protocol.md): what it said of itself, and one method per operation.
/// </summary>
public sealed class Adapter
{
    /// <summary>Stands for the running <c>conformance</c> tool in an adapter command, so the reference adapter is <c>{conformance} adapter</c>.</summary>
    public const string Self = "{conformance}";

    /// <summary>The reference's own adapter, which runs inside this process rather than starting one per operation.</summary>
    public const string Reference = Self + " adapter";

    private readonly bool _inProcess;

    private Adapter(string command, AdapterInfo info, TimeSpan timeout, string? workingDirectory, bool inProcess)
    {
        Command = command;
        Info = info;
        Timeout = timeout;
        WorkingDirectory = workingDirectory;
        _inProcess = inProcess;
    }

    public string Command { get; }

    public AdapterInfo Info { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Where the command runs: the current folder, or the checkout for the adapters shipped with it.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>Runs <c>info</c> and keeps the answer; a message says why an adapter cannot be used.</summary>
    public static async Task<Adapter> StartAsync(string command, TimeSpan timeout, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        bool inProcess = command.Trim() == Reference;
        string expanded = Expand(command);
        AdapterRun run = inProcess
            ? await RunInProcessAsync(["info"], timeout, 1000, cancellationToken)
            : await AdapterProcess.RunAsync(expanded, ["info"], timeout, 1000, workingDirectory, cancellationToken);
        if (!run.Succeeded)
        {
            throw new AdapterException($"`{command} info` {Describe(run)}");
        }
        try
        {
            return new Adapter(expanded, AdapterInfo.Parse(string.Join('\n', run.Lines)), timeout, workingDirectory, inProcess);
        }
        catch (FormatException e)
        {
            throw new AdapterException($"`{command} info` printed no valid answer: {e.Message}");
        }
    }

    public Task<AdapterRun> ReadAsync(string store, string arrayPath, long maxLines, CancellationToken cancellationToken) =>
        RunAsync(["read", "--store_path=" + Path.GetFullPath(store), "--array_path=" + arrayPath], maxLines, cancellationToken);

    public Task<AdapterRun> WriteAsync(string request, string store, CancellationToken cancellationToken) =>
        RunAsync(["write", "--case=" + Path.GetFullPath(request), "--store_path=" + Path.GetFullPath(store)], 1000, cancellationToken);

    public Task<AdapterRun> ValidateAsync(string store, CancellationToken cancellationToken) =>
        RunAsync(["validate", "--store_path=" + Path.GetFullPath(store)], 1000, cancellationToken);

    private Task<AdapterRun> RunAsync(string[] arguments, long maxLines, CancellationToken cancellationToken) => _inProcess
        ? RunInProcessAsync(arguments, Timeout, maxLines, cancellationToken)
        : AdapterProcess.RunAsync(Command, arguments, Timeout, maxLines, WorkingDirectory, cancellationToken);

    /// <summary>
    /// <c>conformance adapter ARGS</c> called directly, with its output captured as a process's
    /// would be: the same protocol and exit codes, without the cost of starting a runtime for
    /// each of thousands of operations.
    /// </summary>
    private static async Task<AdapterRun> RunInProcessAsync(string[] arguments, TimeSpan timeout, long maxLines, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        await using var error = new StringWriter(CultureInfo.InvariantCulture);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        int? code;
        bool timedOut = false;
        try
        {
            code = await Cli.RunAsync(["adapter", .. arguments], output, error, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            code = null;
            timedOut = true;
        }
        string[] lines = output.ToString().Split('\n');
        lines = lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
        bool truncated = lines.Length > maxLines;
        return new AdapterRun(truncated ? null : code, truncated ? lines[..(int)maxLines] : lines, error.ToString(), timedOut, truncated, clock.Elapsed);
    }

    /// <summary>How a run that did not succeed ended, for a report.</summary>
    public static string Describe(AdapterRun run)
    {
        string stderr = run.ErrorTail() is { Length: > 0 } tail ? ":\n" + tail : "";
        return run switch
        {
            { TimedOut: true } => string.Create(CultureInfo.InvariantCulture, $"timed out after {run.Elapsed.TotalSeconds:0} s{stderr}"),
            { Truncated: true } => "printed more lines than expected",
            { ExitCode: 1 } => "refused" + stderr,
            _ => $"crashed with exit code {run.ExitCode}{stderr}",
        };
    }

    /// <summary>The command line with <see cref="Self"/> replaced by the way to start this very tool.</summary>
    private static string Expand(string command)
    {
        if (!command.Contains(Self, StringComparison.Ordinal))
        {
            return command;
        }
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return command.Replace(Self, $"{Quote(dotnet)} {Quote(typeof(Adapter).Assembly.Location)}", StringComparison.Ordinal);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
