using System.Text.Json;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>nibabel's FreeSurfer reader and writers, through the scripts in <c>tests/Conformance/Peers/nibabel/freesurfer</c>.</summary>
internal static class NibabelPeer
{
    private static string Scripts => Nibabel.Scripts("freesurfer");

    public static void Require() => Nibabel.Require();

    /// <summary>What nibabel reads from <paramref name="path"/> as a file of <paramref name="kind"/>.</summary>
    public static JsonElement Read(string kind, string path)
    {
        using JsonDocument document = JsonDocument.Parse(Nibabel.Run(Path.Combine(Scripts, "read.py"), kind, path));
        return document.RootElement.Clone();
    }

    /// <summary>Has nibabel write <paramref name="path"/> from the JSON description <paramref name="spec"/>.</summary>
    public static void Write(string kind, object spec, string path)
    {
        string input = path + ".json";
        File.WriteAllText(input, JsonSerializer.Serialize(spec));
        Nibabel.Run(Path.Combine(Scripts, "write.py"), kind, input, path);
    }
}
