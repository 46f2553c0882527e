using System.Globalization;
using System.Text;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class Label
{
    public static Label Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    public static Label Parse(ReadOnlySpan<byte> bytes, string file)
    {
        int position = 0;
        if (!NextLine(bytes, ref position, out string header))
        {
            throw new ConformanceException(FreeSurferRules.LabelHeader, $"{file}@0", "a label file starts with a header line ended by a newline");
        }
        int countAt = position;
        if (!NextLine(bytes, ref position, out string countLine)
            || !int.TryParse(countLine.Trim(Blanks), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new ConformanceException(FreeSurferRules.LabelCount, $"{file}@{countAt}", "the second line is the point count, a non-negative integer");
        }
        if (count > (bytes.Length - position + 1) / ShortestLine)
        {
            throw new ConformanceException(FreeSurferRules.LabelPoint, $"{file}@{position}", $"{count} points cannot fit in the {bytes.Length - position} bytes left");
        }
        var points = new List<LabelPoint>(count);
        for (int i = 0; i < count; i++)
        {
            int lineAt = position;
            if (!NextLine(bytes, ref position, out string line))
            {
                throw new ConformanceException(FreeSurferRules.LabelPoint, $"{file}@{lineAt}", $"the file ends after {i} of {count} points");
            }
            string[] fields = line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
            // Exactly five fields: FreeSurfer takes the fifth as the value, nibabel the last.
            if (fields.Length != 5
                || !Numbers.TryParse(fields[0], out int vertex)
                || !Numbers.TryParse(fields[1], out float x)
                || !Numbers.TryParse(fields[2], out float y)
                || !Numbers.TryParse(fields[3], out float z)
                || !Numbers.TryParse(fields[4], out float value))
            {
                throw new ConformanceException(FreeSurferRules.LabelPoint, $"{file}@{lineAt}", $"point {i} must be 'vertex x y z value'");
            }
            points.Add(new LabelPoint(vertex, x, y, z, value));
        }
        while (position < bytes.Length)
        {
            int lineAt = position;
            NextLine(bytes, ref position, out string line);
            if (line.Trim(Blanks).Length != 0)
            {
                throw new ConformanceException(FreeSurferRules.LabelTrailing, $"{file}@{lineAt}", $"text after the {count} counted points");
            }
        }
        return new Label(points) { Header = header };
    }

    /// <summary>The line at <paramref name="position"/>, which moves past its newline (or to the end).</summary>
    private static bool NextLine(ReadOnlySpan<byte> bytes, ref int position, out string line)
    {
        if (position >= bytes.Length)
        {
            line = "";
            return false;
        }
        ReadOnlySpan<byte> rest = bytes[position..];
        int end = rest.IndexOf((byte)'\n');
        line = Encoding.UTF8.GetString(end >= 0 ? rest[..end] : rest).TrimEnd('\r');
        position += end >= 0 ? end + 1 : rest.Length;
        return true;
    }
}
