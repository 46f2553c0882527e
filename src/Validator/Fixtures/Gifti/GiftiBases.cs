using System.Runtime.InteropServices;
using Conformance.Reference.Gifti;

namespace Conformance.Validator.Fixtures.Gifti;

/// <summary>
/// The sound files every GIFTI case starts from, written by the reference <see cref="GiftiWriter"/>:
/// a tetrahedron surface (4 points, 4 triangles) in any encoding, byte order and indexing
/// order, the same surface with a per-point shape array, a label file with its label table, a
/// time series, and a surface whose arrays lie in an external file as nibabel writes them.
/// </summary>
internal static class GiftiBases
{
    /// <summary>The tetrahedron's corners, x y z per point.</summary>
    public static readonly float[] Points = [0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f];

    /// <summary>Its faces, three point indices each.</summary>
    public static readonly int[] Triangles = [0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3];

    public static GiftiImage Surface(GiftiEncoding encoding, GiftiEndian endian = GiftiEndian.Little, ArrayIndexingOrder order = ArrayIndexingOrder.RowMajor)
    {
        var image = new GiftiImage();
        image.MetaData.Add("AnatomicalStructurePrimary", "CortexLeft");
        var points = Array(GiftiIntent.PointSet, GiftiDataType.Float32, [4, 3], Bytes(Points, 3, order), encoding, endian, order);
        points.CoordinateSystemTransforms.Add(new CoordinateSystemTransform { DataSpace = "NIFTI_XFORM_UNKNOWN", TransformedSpace = "NIFTI_XFORM_TALAIRACH" });
        image.DataArrays.Add(points);
        image.DataArrays.Add(Array(GiftiIntent.Triangle, GiftiDataType.Int32, [4, 3], Bytes(Triangles, 3, order), encoding, endian, order));
        return image;
    }

    /// <summary>The ASCII surface with a NIFTI_INTENT_SHAPE array of one value per point.</summary>
    public static GiftiImage SurfaceWithShape()
    {
        GiftiImage image = Surface(GiftiEncoding.Ascii);
        image.DataArrays.Add(Array(GiftiIntent.Shape, GiftiDataType.Float32, [4], Bytes([0.25f, 0.5f, 0.75f, 1f], 1, ArrayIndexingOrder.RowMajor), GiftiEncoding.Ascii));
        return image;
    }

    public static GiftiImage Labels()
    {
        var image = new GiftiImage();
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 0, Name = "???", Red = 0f, Green = 0f, Blue = 0f, Alpha = 0f });
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 1, Name = "precentral", Red = 0.25f, Green = 0.5f, Blue = 0.75f, Alpha = 1f });
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 2, Name = "postcentral", Red = 0.75f, Green = 0.5f, Blue = 0.25f, Alpha = 1f });
        image.DataArrays.Add(Array(GiftiIntent.Label, GiftiDataType.Int32, [4], Bytes([0, 1, 1, 2], 1, ArrayIndexingOrder.RowMajor), GiftiEncoding.Ascii));
        return image;
    }

    /// <summary>Three time points of four values each, one NIFTI_INTENT_TIME_SERIES array per time point.</summary>
    public static GiftiImage TimeSeries()
    {
        var image = new GiftiImage();
        for (int t = 0; t < 3; t++)
        {
            float[] values = [.. Enumerable.Range(0, 4).Select(v => (t * 10) + v + 0.5f)];
            image.DataArrays.Add(Array(GiftiIntent.TimeSeries, GiftiDataType.Float32, [4], Bytes(values, 1, ArrayIndexingOrder.RowMajor), GiftiEncoding.Ascii));
        }
        return image;
    }

    /// <summary>The surface with both arrays in <c>surface.dat</c>, points first, as nibabel lays them out.</summary>
    public static GiftiImage External()
    {
        GiftiImage image = Surface(GiftiEncoding.ExternalFileBinary);
        image.DataArrays[0].ExternalFileName = "surface.dat";
        image.DataArrays[0].ExternalFileOffset = 0;
        image.DataArrays[1].ExternalFileName = "surface.dat";
        image.DataArrays[1].ExternalFileOffset = Points.Length * sizeof(float);
        return image;
    }

    /// <summary>The files the writer makes for <paramref name="image"/> as <paramref name="name"/>, by file name.</summary>
    public static SortedDictionary<string, byte[]> Write(GiftiImage image, string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "gifti-fixture-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            GiftiWriter.Write(image, Path.Combine(folder, name));
            var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(folder))
            {
                files[Path.GetFileName(file)] = File.ReadAllBytes(file);
            }
            return files;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static GiftiDataArray Array(GiftiIntent intent, GiftiDataType type, int[] dims, byte[] data, GiftiEncoding encoding, GiftiEndian endian = GiftiEndian.Little, ArrayIndexingOrder order = ArrayIndexingOrder.RowMajor) => new()
    {
        Intent = intent,
        DataType = type,
        Dims = dims,
        Data = data,
        Encoding = encoding,
        Endian = endian,
        ArrayIndexingOrder = order,
    };

    /// <summary>Little-endian element bytes (the model's form) in the given indexing order.</summary>
    private static byte[] Bytes<T>(T[] rowMajor, int columns, ArrayIndexingOrder order)
        where T : unmanaged
    {
        T[] values = rowMajor;
        if (order == ArrayIndexingOrder.ColumnMajor && columns > 1)
        {
            int rows = rowMajor.Length / columns;
            values = new T[rowMajor.Length];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    values[(c * rows) + r] = rowMajor[(r * columns) + c];
                }
            }
        }
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("fixtures are generated on a little-endian machine");
        }
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }
}
