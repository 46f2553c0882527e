namespace Conformance.Validator.Suite;

/// <summary>How one adapter invocation ended: its exit code (null when it was stopped), what it printed, and how long it took.</summary>
public sealed record AdapterRun(int? ExitCode, IReadOnlyList<string> Lines, string Error, bool TimedOut, bool Truncated, TimeSpan Elapsed)
{
    /// <summary>The adapter finished and reported success.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The adapter declined the input on purpose (exit code 1), as the protocol asks a reader to do with a store it refuses.</summary>
    public bool Refused => ExitCode == 1 && !TimedOut;

    /// <summary>What stderr said, shortened to its last lines for a report.</summary>
    public string ErrorTail(int lines = 6)
    {
        string[] all = Error.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
