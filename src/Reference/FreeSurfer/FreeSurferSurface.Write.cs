using System.Text;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class FreeSurferSurface
{
    /// <summary>Writes the surface as a triangle file, atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, ToBytes());

    /// <summary>
    /// The triangle-file bytes, laid out as FreeSurfer's MRISwriteTriangularSurface does: magic,
    /// the "created by" line and an empty line, counts, coordinates, triangles, then the footer
    /// (useRealRAS, the volume geometry, the length-prefixed tags).
    /// </summary>
    public byte[] ToBytes()
    {
        if (CreatedBy.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the \"created by\" text must be one line");
        }
        foreach (int index in Faces)
        {
            if ((uint)index >= (uint)VertexCount)
            {
                throw new InvalidOperationException($"a triangle names vertex {index} of {VertexCount}");
            }
        }
        var output = new BigEndianWriter();
        output.Int24(TriangleMagic);
        output.Text(CreatedBy + "\n\n");
        output.Int32(VertexCount);
        output.Int32(FaceCount);
        foreach (float coordinate in Coordinates)
        {
            output.Single(coordinate);
        }
        foreach (int index in Faces)
        {
            output.Int32(index);
        }
        if (UseRealRas is int flag)
        {
            output.Int32(TagOldUseRealRas);
            output.Int32(flag);
        }
        if (VolumeGeometry is not null)
        {
            output.Int32(TagOldSurfaceGeometry);
            output.Bytes(Encoding.UTF8.GetBytes(VolumeGeometry.ToText()));
        }
        foreach (SurfaceTag tag in Tags)
        {
            if (tag.Id is 0 or TagOldColorTable or TagOldUseRealRas or TagOldSurfaceGeometry or TagOldMghTransform)
            {
                throw new InvalidOperationException($"tag {tag.Id} is not a length-prefixed tag");
            }
            output.Int32(tag.Id);
            output.Int64(tag.Data.Length);
            output.Bytes(tag.Data);
        }
        return output.ToArray();
    }
}
