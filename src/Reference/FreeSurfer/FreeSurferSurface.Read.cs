using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class FreeSurferSurface
{
    /// <summary>Reads a surface file; bad input ends in a <see cref="ConformanceException"/> naming the byte offset.</summary>
    public static FreeSurferSurface Read(string path)
    {
        // The file's bytes are only parsed from (the model copies what it keeps), so they go in
        // a pooled buffer rather than a fresh array the size of the file.
        using SafeFileHandle handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{path} has {length} bytes, more than a surface file can hold");
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            int filled = 0;
            int read;
            while (filled < length && (read = RandomAccess.Read(handle, buffer.AsSpan(filled, (int)length - filled), filled)) > 0)
            {
                filled += read;
            }
            return Parse(buffer.AsSpan(0, filled), Path.GetFileName(path));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a surface from the whole content of a file named <paramref name="file"/>.</summary>
    public static FreeSurferSurface Parse(ReadOnlySpan<byte> bytes, string file)
    {
        var input = new BigEndianSpan(bytes, file);
        int magic = input.Int24(FreeSurferRules.SurfaceMagic, "the magic number");
        return magic switch
        {
            TriangleMagic => ReadTriangles(ref input),
            QuadMagic => ReadQuads(ref input, SurfaceFormat.Quad),
            NewQuadMagic => ReadQuads(ref input, SurfaceFormat.NewQuad),
            _ => throw new ConformanceException(FreeSurferRules.SurfaceMagic, input.At(0), $"0x{magic:X6} is not a surface magic number (0xFFFFFE, 0xFFFFFF or 0xFFFFFD)"),
        };
    }

    private static FreeSurferSurface ReadTriangles(ref BigEndianSpan input)
    {
        int end = input.Rest.IndexOf((byte)'\n');
        if (end < 0)
        {
            throw new ConformanceException(FreeSurferRules.SurfaceStamp, input.Here, "the \"created by\" line has no ending newline");
        }
        string stamp = Encoding.UTF8.GetString(input.Rest[..end]);
        input.Skip(end + 1);
        // FreeSurfer writes the line with two newlines; some writers put one, and FreeSurfer's
        // own fscanf(fp, "\n") accepts both. Only a vertex count of 167 million or more could
        // begin with a newline byte, so one extra newline is taken when it is there.
        if (input.Remaining > 0 && input.Rest[0] == (byte)'\n')
        {
            input.Skip(1);
        }

        int countsAt = input.Position;
        int vertexCount = input.Int32(FreeSurferRules.SurfaceCounts, "the vertex count");
        int faceCount = input.Int32(FreeSurferRules.SurfaceCounts, "the face count");
        if (vertexCount < 0 || faceCount < 0 || (vertexCount * 12L) + (faceCount * 12L) > input.Remaining)
        {
            throw new ConformanceException(FreeSurferRules.SurfaceCounts, input.At(countsAt), $"{vertexCount} vertices and {faceCount} triangles do not fit in the {input.Remaining} bytes left");
        }

        // Both blocks are whole big-endian 32-bit words (the counts were checked to fit above):
        // swapped in bulk, then the face indices checked in one pass.
        float[] coordinates = new float[vertexCount * 3];
        BinaryPrimitives.ReverseEndianness(
            MemoryMarshal.Cast<byte, int>(input.Bytes(coordinates.Length * 4L, FreeSurferRules.SurfaceCounts, "the coordinates")),
            MemoryMarshal.Cast<float, int>(coordinates.AsSpan()));
        int facesAt = input.Position;
        int[] faces = new int[faceCount * 3];
        BinaryPrimitives.ReverseEndianness(
            MemoryMarshal.Cast<byte, int>(input.Bytes(faces.Length * 4L, FreeSurferRules.SurfaceCounts, "the faces")),
            faces);
        int bad = vertexCount > 0 ? faces.AsSpan().IndexOfAnyExceptInRange(0, vertexCount - 1) : (faces.Length > 0 ? 0 : -1);
        if (bad >= 0)
        {
            throw new ConformanceException(FreeSurferRules.SurfaceFaceIndex, input.At(facesAt + (bad * 4L)), $"triangle {bad / 3} names vertex {faces[bad]} of {vertexCount}");
        }

        int? useRealRas = null;
        VolumeGeometry? geometry = null;
        var tags = new List<SurfaceTag>();
        // The footer loop of mrisReadTriangleFile: TAGreadStart until the file ends or a zero tag.
        while (input.Remaining > 0)
        {
            int tagAt = input.Position;
            int tag = input.Int32(FreeSurferRules.SurfaceTag, "a footer tag");
            switch (tag)
            {
                case 0:
                    return Make();
                case TagOldUseRealRas:
                    useRealRas = input.Int32(FreeSurferRules.SurfaceTag, "the useRealRAS flag");
                    break;
                case TagOldSurfaceGeometry:
                    geometry = VolumeGeometry.Read(ref input);
                    break;
                case TagOldColorTable or TagOldMghTransform:
                    throw new ConformanceException(FreeSurferRules.SurfaceOldTag, input.At(tagAt), $"the old-style footer tag {tag} has no length and is not supported in a surface", Outcome.Unsupported);
                default:
                    long length = input.Int64(FreeSurferRules.SurfaceTag, $"the length of footer tag {tag}");
                    tags.Add(new SurfaceTag(tag, input.Bytes(length, FreeSurferRules.SurfaceTag, $"footer tag {tag}").ToArray()));
                    break;
            }
        }
        return Make();

        FreeSurferSurface Make() => new(coordinates, faces)
        {
            SourceFormat = SurfaceFormat.Triangle,
            CreatedBy = stamp,
            UseRealRas = useRealRas,
            VolumeGeometry = geometry,
            Tags = tags,
        };
    }

    private static FreeSurferSurface ReadQuads(ref BigEndianSpan input, SurfaceFormat format)
    {
        int countsAt = input.Position;
        int vertexCount = input.Int24(FreeSurferRules.SurfaceCounts, "the vertex count");
        int quadCount = input.Int24(FreeSurferRules.SurfaceCounts, "the quad count");
        int vertexBytes = format == SurfaceFormat.Quad ? 6 : 12;
        if ((vertexCount * (long)vertexBytes) + (quadCount * 12L) > input.Remaining)
        {
            throw new ConformanceException(FreeSurferRules.SurfaceCounts, input.At(countsAt), $"{vertexCount} vertices and {quadCount} quads do not fit in the {input.Remaining} bytes left");
        }

        float[] coordinates = new float[vertexCount * 3];
        for (int i = 0; i < coordinates.Length; i++)
        {
            // Old quad files store hundredths of a millimetre (mrisReadQuadFile: ix / 100.0).
            coordinates[i] = format == SurfaceFormat.Quad
                ? (float)(input.Int16(FreeSurferRules.SurfaceCounts, "a coordinate") / 100.0)
                : input.Single(FreeSurferRules.SurfaceCounts, "a coordinate");
        }
        int[] faces = new int[quadCount * 6];
        Span<int> quad = stackalloc int[4];
        for (int q = 0; q < quadCount; q++)
        {
            for (int n = 0; n < 4; n++)
            {
                int at = input.Position;
                quad[n] = input.Int24(FreeSurferRules.SurfaceCounts, "a quad");
                if (quad[n] >= vertexCount)
                {
                    throw new ConformanceException(FreeSurferRules.SurfaceFaceIndex, input.At(at), $"quad {q} names vertex {quad[n]} of {vertexCount}");
                }
            }
            SplitQuad(quad, faces.AsSpan(q * 6, 6));
        }

        int? useRealRas = null;
        // mrisReadQuadFile reads one optional TAG_USEREALRAS and its value, and nothing after it.
        if (input.Remaining >= 8 && BinaryPrimitives.ReadInt32BigEndian(input.Rest) == TagUseRealRas)
        {
            input.Skip(4);
            useRealRas = input.Int32(FreeSurferRules.SurfaceTag, "the useRealRAS flag");
        }
        return new FreeSurferSurface(coordinates, faces) { SourceFormat = format, CreatedBy = "", UseRealRas = useRealRas };
    }

    /// <summary>
    /// Splits one quad into two triangles as mrisReadQuadFile does: the diagonal depends on the
    /// parity of nint(sqrt(1.9 v0) + sqrt(3.5 v1)) (its WHICH_FACE_SPLIT macro).
    /// </summary>
    internal static void SplitQuad(ReadOnlySpan<int> v, Span<int> triangles)
    {
        int which = (int)Math.Round(Math.Sqrt(1.9 * v[0]) + Math.Sqrt(3.5 * v[1]));
        if (which % 2 == 0)
        {
            (triangles[0], triangles[1], triangles[2]) = (v[0], v[1], v[3]);
            (triangles[3], triangles[4], triangles[5]) = (v[2], v[3], v[1]);
        }
        else
        {
            (triangles[0], triangles[1], triangles[2]) = (v[0], v[1], v[2]);
            (triangles[3], triangles[4], triangles[5]) = (v[0], v[2], v[3]);
        }
    }
}
