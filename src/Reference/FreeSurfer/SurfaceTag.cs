namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// A footer tag of a triangle surface in FreeSurfer's length-prefixed layout (utils/tags.cpp
/// TAGwrite: int32 tag, int64 length, that many bytes), kept as bytes so it is written back as
/// read. TAG_CMDLINE (3) holds one NUL-terminated command line.
/// </summary>
public sealed record SurfaceTag(int Id, byte[] Data)
{
    /// <summary>FreeSurfer's TAG_CMDLINE: the command that made or changed the surface.</summary>
    public const int CommandLine = 3;

    /// <summary>The text of a TAG_CMDLINE tag, up to its terminating NUL.</summary>
    public string Text
    {
        get
        {
            int end = Array.IndexOf(Data, (byte)0);
            return System.Text.Encoding.UTF8.GetString(Data, 0, end < 0 ? Data.Length : end);
        }
    }

    /// <summary>A TAG_CMDLINE tag holding <paramref name="command"/>, NUL-terminated as FreeSurfer writes it.</summary>
    public static SurfaceTag ForCommandLine(string command) =>
        new(CommandLine, [.. System.Text.Encoding.UTF8.GetBytes(command), 0]);

    public bool Equals(SurfaceTag? other) => other is not null && Id == other.Id && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Id, Data.Length);
}
