namespace Conformance.Reference.FreeSurfer;

public sealed partial class Annotation
{
    public void Write(string path) => AtomicFile.Write(path, ToBytes());

    /// <summary>The pair count, the pairs, then the colour table tag and table in its own layout.</summary>
    public byte[] ToBytes()
    {
        if (Vertices.Any(v => v < 0))
        {
            throw new InvalidOperationException("vertex numbers are not negative");
        }
        var output = new BigEndianWriter();
        output.Int32(Vertices.Length);
        for (int i = 0; i < Vertices.Length; i++)
        {
            output.Int32(Vertices[i]);
            output.Int32(Values[i]);
        }
        if (ColorTable is not null)
        {
            output.Int32(ColorTableTag);
            ColorTable.Write(output);
        }
        return output.ToArray();
    }
}
