namespace Conformance.Tests.Support;

/// <summary>Where the repository, its fixtures and the shared interop corpus are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary><c>../shared/interop</c> beside the checkout; absent on a user's fresh clone.</summary>
    public static string SharedInterop => Path.GetFullPath(Path.Combine(Root, "..", "shared", "interop"));

    private static string FindRoot()
    {
        string? directory = TestContext.CurrentContext.TestDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Conformance.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new InvalidOperationException("Conformance.sln not found above the test directory");
    }
}
