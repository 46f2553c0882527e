using Spectre.Console;

namespace Conformance.Validator.Commands;

/// <summary>Where commands draw progress: stderr, only when it is the process's own and a terminal.</summary>
internal static class Terminal
{
    /// <summary>A console on stderr for progress, or null when <paramref name="error"/> is not a terminal's stderr (tests, pipes, CI logs).</summary>
    public static IAnsiConsole? ForProgress(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            : null;
}
