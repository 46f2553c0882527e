using System.Text;

namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// The volume a surface was made from, as FreeSurfer keeps it after TAG_OLD_SURF_GEOM (20) in a
/// triangle surface's footer: eight "key = values" text lines written by writeVolGeom
/// (utils/transform.cpp) and read in the same order by nibabel's <c>_read_volume_info</c>.
/// </summary>
/// <remarks>
/// <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/transform.cpp">writeVolGeom / readVolGeom</see>;
/// <see href="https://github.com/nipy/nibabel/blob/master/nibabel/freesurfer/io.py">nibabel _read_volume_info</see>.
/// </remarks>
public sealed record VolumeGeometry(
    int Valid,
    string FileName,
    (int Width, int Height, int Depth) Volume,
    (double X, double Y, double Z) VoxelSize,
    (double R, double A, double S) XRas,
    (double R, double A, double S) YRas,
    (double R, double A, double S) ZRas,
    (double R, double A, double S) CRas)
{
    private static readonly string[] Keys = ["valid", "filename", "volume", "voxelsize", "xras", "yras", "zras", "cras"];

    /// <summary>Reads the eight lines at the cursor (just past the tag), each ended by a newline.</summary>
    internal static VolumeGeometry Read(ref BigEndianSpan input)
    {
        string[] values = new string[Keys.Length];
        for (int i = 0; i < Keys.Length; i++)
        {
            int start = input.Position;
            int end = input.Rest.IndexOf((byte)'\n');
            if (end < 0)
            {
                throw new ConformanceException(FreeSurferRules.VolumeGeometry, input.Here, $"the volume geometry line '{Keys[i]}' has no ending newline");
            }
            string line = Encoding.UTF8.GetString(input.Rest[..end]);
            input.Skip(end + 1);
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || line[..equals].Trim() != Keys[i])
            {
                throw new ConformanceException(FreeSurferRules.VolumeGeometry, input.At(start), $"volume geometry line {i + 1} must be '{Keys[i]} = …'");
            }
            values[i] = line[(equals + 1)..];
        }
        string location = input.Here;
        string[] valid = Split(values[0]);
        if (valid.Length == 0 || !Numbers.TryParse(valid[0], out int validFlag) || (valid.Length > 1 && !valid[1].StartsWith('#')))
        {
            throw new ConformanceException(FreeSurferRules.VolumeGeometry, location, "'valid' must be an integer, optionally followed by a # comment");
        }
        int[] volume = Ints(values[2], "volume", location);
        return new VolumeGeometry(
            validFlag,
            values[1].Trim(),
            (volume[0], volume[1], volume[2]),
            Doubles(values[3], "voxelsize", location),
            Doubles(values[4], "xras", location),
            Doubles(values[5], "yras", location),
            Doubles(values[6], "zras", location),
            Doubles(values[7], "cras", location));
    }

    /// <summary>The eight lines as FreeSurfer's writeVolGeom lays them out, numbers in their shortest exact form.</summary>
    internal string ToText()
    {
        // nibabel splits each line at every '=' and FreeSurfer's sscanf("%s") stops at the
        // first blank, so a name with either would not read back the same in one of them.
        if (FileName.Any(char.IsWhiteSpace) || FileName.Contains('=', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the volume geometry file name cannot hold blanks or '='");
        }
        var text = new StringBuilder();
        text.Append("valid = ").Append(Numbers.Format(Valid)).Append(Valid == 0 ? "  # volume info invalid\n" : "  # volume info valid\n");
        text.Append("filename = ").Append(FileName).Append('\n');
        text.Append("volume = ").Append(Numbers.Format(Volume.Width)).Append(' ').Append(Numbers.Format(Volume.Height)).Append(' ').Append(Numbers.Format(Volume.Depth)).Append('\n');
        Line(text, "voxelsize = ", VoxelSize);
        Line(text, "xras   = ", XRas);
        Line(text, "yras   = ", YRas);
        Line(text, "zras   = ", ZRas);
        Line(text, "cras   = ", CRas);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, (double, double, double) v) =>
        text.Append(key).Append(Numbers.Format(v.Item1)).Append(' ').Append(Numbers.Format(v.Item2)).Append(' ').Append(Numbers.Format(v.Item3)).Append('\n');

    private static string[] Split(string text) => text.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static int[] Ints(string text, string key, string location)
    {
        string[] parts = Split(text);
        int[] result = new int[3];
        if (parts.Length != 3 || !Numbers.TryParse(parts[0], out result[0]) || !Numbers.TryParse(parts[1], out result[1]) || !Numbers.TryParse(parts[2], out result[2]))
        {
            throw new ConformanceException(FreeSurferRules.VolumeGeometry, location, $"'{key}' must be three integers");
        }
        return result;
    }

    private static (double, double, double) Doubles(string text, string key, string location)
    {
        string[] parts = Split(text);
        if (parts.Length != 3 || !Numbers.TryParse(parts[0], out double a) || !Numbers.TryParse(parts[1], out double b) || !Numbers.TryParse(parts[2], out double c))
        {
            throw new ConformanceException(FreeSurferRules.VolumeGeometry, location, $"'{key}' must be three numbers");
        }
        return (a, b, c);
    }
}
