using System.Text.Json;
using Conformance.Tests.Support;

namespace Conformance.Tests.Gifti;

/// <summary>nibabel's GIFTI reader and writer, through the scripts in <c>tests/Conformance/Peers/nibabel/gifti</c>.</summary>
internal static class NibabelPeer
{
    private static string Scripts => Nibabel.Scripts("gifti");

    public static void Require() => Nibabel.Require();

    /// <summary>What nibabel reads from each file (dump.py's JSON).</summary>
    public static JsonElement[] Dump(params string[] files)
    {
        using JsonDocument document = JsonDocument.Parse(Nibabel.Run([Path.Combine(Scripts, "dump.py"), .. files]));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Has nibabel write its sample files into <paramref name="directory"/>; returns their paths.</summary>
    public static string[] WriteSamples(string directory) =>
        [.. Nibabel.Run([Path.Combine(Scripts, "write.py"), directory]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => Path.Combine(directory, n.Trim()))];
}
