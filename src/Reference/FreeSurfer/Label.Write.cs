using System.Globalization;
using System.Text;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class Label
{
    public void Write(string path) => AtomicFile.Write(path, ToBytes());

    /// <summary>
    /// LabelWrite's layout with every number in its shortest exact form: the header, the count,
    /// then "vertex  x  y  z value" per point.
    /// </summary>
    public byte[] ToBytes()
    {
        if (Header.Contains('\n', StringComparison.Ordinal) || Header.Contains('\r', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the header is one line");
        }
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append(Points.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (LabelPoint point in Points)
        {
            text.Append(Numbers.Format(point.Vertex)).Append("  ")
                .Append(Numbers.Format(point.X)).Append("  ")
                .Append(Numbers.Format(point.Y)).Append("  ")
                .Append(Numbers.Format(point.Z)).Append(' ')
                .Append(Numbers.Format(point.Value)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
