namespace Conformance.Reference.FreeSurfer;

public sealed partial class Curvature
{
    /// <summary>Writes the new layout, atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, ToBytes());

    /// <summary>The new-layout bytes: magic, vertex count, face count, 1 value per vertex, the values.</summary>
    public byte[] ToBytes()
    {
        var output = new BigEndianWriter();
        output.Int24(NewMagic);
        output.Int32(Values.Length);
        output.Int32(FaceCount);
        output.Int32(1);
        foreach (float value in Values)
        {
            output.Single(value);
        }
        return output.ToArray();
    }
}
