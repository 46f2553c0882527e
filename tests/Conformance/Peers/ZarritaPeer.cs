using Conformance.Tests.Support;

namespace Conformance.Tests.Peers;

/// <summary>
/// Runs the zarrita harness in <c>tests/Conformance/Peers/zarrita</c> (node + the npm package
/// pinned by its lock file), installing it with <c>npm ci</c> on first use.
/// </summary>
public static class ZarritaPeer
{
    private static readonly NodePackage Harness = new(Path.Combine(RepoPaths.Root, "tests", "Conformance", "Peers", "zarrita"), "zarrita");

    public static string Directory => Harness.Directory;

    /// <summary>Skips the test (or, under CI, fails it) when node or the package cannot be had.</summary>
    public static void Require() => Harness.Require();

    public static Task<string> WriteAsync(string outDirectory) => Harness.NodeAsync("write.mjs", outDirectory);

    /// <summary>Writes an OME-Zarr 0.5 image pyramid with labels (write-ome.mjs).</summary>
    public static Task<string> WriteOmeAsync(string outDirectory) => Harness.NodeAsync("write-ome.mjs", outDirectory);

    public static Task<string> ReadAsync(string storeRoot, string arrayPath) => Harness.NodeAsync("read.mjs", storeRoot, arrayPath);
}
