using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary>Runs the <c>conformance</c> command in process and captures what it prints.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await Cli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The store of a zarr-v3 fixture case named by area and case, whichever outcome folder holds it.</summary>
    public static string Fixture(string relative) =>
        new[] { "valid", "invalid", "unsupported" }.Select(expect => Path.Combine(RepoPaths.Fixtures, "zarr-v3", expect, relative, "store")).FirstOrDefault(Directory.Exists)
        ?? throw new DirectoryNotFoundException("no fixture case " + relative);
}
