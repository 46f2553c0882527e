using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;

namespace Conformance.Performance;

/// <summary>The surface files <see cref="SurfaceReadBenchmarks"/> reads, one per <see cref="SurfaceFile"/>.</summary>
public enum SurfaceFile
{
    /// <summary>GIFTI, both arrays Encoding="ASCII".</summary>
    GiftiAscii,

    /// <summary>GIFTI, both arrays Encoding="Base64Binary".</summary>
    GiftiBase64,

    /// <summary>GIFTI, both arrays Encoding="GZipBase64Binary" (zlib, the writer's default level).</summary>
    GiftiGzipBase64,

    /// <summary>GIFTI, both arrays Encoding="ExternalFileBinary", one after the other in one .dat file.</summary>
    GiftiExternal,

    /// <summary>FreeSurfer triangle surface (magic 0xFFFFFE).</summary>
    FreeSurfer,
}

/// <summary>
/// A deterministic surface of fsaverage's size: the icosahedron subdivided seven times (as
/// FreeSurfer's ic7, which fsaverage is built on) and projected onto a sphere of radius 100 mm,
/// so 163,842 vertices and 327,680 triangles, with neighbouring vertices mostly numbered close
/// together as in a real mesh. Written with the library's writers: GIFTI as a float32 POINTSET
/// [163842, 3] with one transform and an int32 TRIANGLE [327680, 3].
/// </summary>
internal static class SurfaceMesh
{
    public const int Subdivisions = 7;

    public static int VertexCount { get; } = (10 << (2 * Subdivisions)) + 2;

    public static int FaceCount { get; } = 20 << (2 * Subdivisions);

    /// <summary>Vertex coordinates, x y z per vertex, and triangles, three vertex indices each.</summary>
    public static (float[] Coordinates, int[] Faces) Create()
    {
        double t = (1 + Math.Sqrt(5)) / 2;
        var points = new List<(double X, double Y, double Z)>
        {
            (-1, t, 0), (1, t, 0), (-1, -t, 0), (1, -t, 0),
            (0, -1, t), (0, 1, t), (0, -1, -t), (0, 1, -t),
            (t, 0, -1), (t, 0, 1), (-t, 0, -1), (-t, 0, 1),
        };
        for (int i = 0; i < points.Count; i++)
        {
            points[i] = Unit(points[i]);
        }
        int[] faces =
        [
            0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11,
            1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6, 7, 1, 8,
            3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9,
            4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1,
        ];
        for (int level = 0; level < Subdivisions; level++)
        {
            var midpoints = new Dictionary<long, int>();
            int[] finer = new int[faces.Length * 4];
            for (int f = 0; f < faces.Length; f += 3)
            {
                int a = faces[f], b = faces[f + 1], c = faces[f + 2];
                int ab = Midpoint(points, midpoints, a, b);
                int bc = Midpoint(points, midpoints, b, c);
                int ca = Midpoint(points, midpoints, c, a);
                int[] four = [a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca];
                four.CopyTo(finer, f * 4);
            }
            faces = finer;
        }
        float[] coordinates = new float[points.Count * 3];
        for (int i = 0; i < points.Count; i++)
        {
            coordinates[3 * i] = (float)(100 * points[i].X);
            coordinates[(3 * i) + 1] = (float)(100 * points[i].Y);
            coordinates[(3 * i) + 2] = (float)(100 * points[i].Z);
        }
        Verify(points.Count == VertexCount && faces.Length == FaceCount * 3, "the icosphere does not have fsaverage's size");
        return (coordinates, faces);
    }

    /// <summary>Writes <paramref name="file"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(SurfaceFile file, string folder, float[] coordinates, int[] faces)
    {
        if (file == SurfaceFile.FreeSurfer)
        {
            string surface = Path.Combine(folder, "lh.sphere");
            new FreeSurferSurface(coordinates, faces).Write(surface);
            return surface;
        }
        GiftiEncoding encoding = file switch
        {
            SurfaceFile.GiftiAscii => GiftiEncoding.Ascii,
            SurfaceFile.GiftiBase64 => GiftiEncoding.Base64Binary,
            SurfaceFile.GiftiGzipBase64 => GiftiEncoding.GZipBase64Binary,
            SurfaceFile.GiftiExternal => GiftiEncoding.ExternalFileBinary,
            _ => throw new ArgumentOutOfRangeException(nameof(file)),
        };
        bool external = encoding == GiftiEncoding.ExternalFileBinary;
        byte[] coordinateBytes = Bytes(coordinates);
        var pointSet = new GiftiDataArray
        {
            Intent = GiftiIntent.PointSet,
            DataType = GiftiDataType.Float32,
            Dims = [VertexCount, 3],
            Encoding = encoding,
            ExternalFileName = external ? "lh.sphere.dat" : null,
            Data = coordinateBytes,
        };
        pointSet.CoordinateSystemTransforms.Add(new CoordinateSystemTransform
        {
            DataSpace = "NIFTI_XFORM_TALAIRACH",
            TransformedSpace = "NIFTI_XFORM_TALAIRACH",
            MatrixData = [1, 0, 0, -0.5, 0, 1, 0, 1.25, 0, 0, 1, 2, 0, 0, 0, 1],
        });
        var triangles = new GiftiDataArray
        {
            Intent = GiftiIntent.Triangle,
            DataType = GiftiDataType.Int32,
            Dims = [FaceCount, 3],
            Encoding = encoding,
            ExternalFileName = external ? "lh.sphere.dat" : null,
            ExternalFileOffset = external ? coordinateBytes.Length : 0,
            Data = Bytes(faces),
        };
        var image = new GiftiImage();
        image.MetaData.Add("AnatomicalStructurePrimary", "CortexLeft");
        image.DataArrays.Add(pointSet);
        image.DataArrays.Add(triangles);
        string path = Path.Combine(folder, "lh.sphere.surf.gii");
        GiftiWriter.Write(image, path);
        return path;
    }

    /// <summary>SHA-256 of the coordinates as little-endian float32 then the faces as little-endian int32, in hex (as <c>nibabel/bench.py</c> writes it).</summary>
    public static string Sha256(ReadOnlySpan<float> coordinates, ReadOnlySpan<int> faces)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Bytes(coordinates));
        hash.AppendData(Bytes(faces));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Describe(string path)
    {
        var text = new StringBuilder();
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(path)!).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetFileName(file)).Append(' ').Append(new FileInfo(file).Length).Append(" bytes; ");
        }
        return text.ToString().TrimEnd(' ', ';');
    }

    private static byte[] Bytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        // Little-endian machines only, as the benchmarks' other volumes.
        Verify(BitConverter.IsLittleEndian, "the benchmarks assume a little-endian machine");
        return MemoryMarshal.AsBytes(values).ToArray();
    }

    private static byte[] Bytes<T>(T[] values)
        where T : unmanaged => Bytes((ReadOnlySpan<T>)values);

    private static int Midpoint(List<(double X, double Y, double Z)> points, Dictionary<long, int> midpoints, int a, int b)
    {
        long key = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
        if (!midpoints.TryGetValue(key, out int index))
        {
            (double X, double Y, double Z) p = points[a], q = points[b];
            index = points.Count;
            points.Add(Unit(((p.X + q.X) / 2, (p.Y + q.Y) / 2, (p.Z + q.Z) / 2)));
            midpoints.Add(key, index);
        }
        return index;
    }

    private static (double X, double Y, double Z) Unit((double X, double Y, double Z) p)
    {
        double length = Math.Sqrt((p.X * p.X) + (p.Y * p.Y) + (p.Z * p.Z));
        return (p.X / length, p.Y / length, p.Z / length);
    }

    private static void Verify(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
