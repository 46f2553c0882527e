using System.Buffers.Binary;
using Conformance.Reference.Gifti;

namespace Conformance.Tests.Gifti;

/// <summary>Images to write and read back: every spec data type, a point set with its transform, metadata and labels.</summary>
internal static class GiftiSamples
{
    public static readonly GiftiDataType[] SpecTypes = [GiftiDataType.UInt8, GiftiDataType.Int32, GiftiDataType.Float32];

    /// <summary>Random elements of <paramref name="type"/>, little-endian; floats include the awkward values.</summary>
    public static byte[] Elements(GiftiDataType type, int count, int seed)
    {
        var random = new Random(seed);
        int size = GiftiNames.SizeOf(type);
        byte[] data = new byte[count * size];
        float[] awkward = [0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 0.1f, 1f / 3f, 16777217f, 1e-38f, 123456.789f];
        for (int i = 0; i < count; i++)
        {
            Span<byte> e = data.AsSpan(i * size, size);
            switch (type)
            {
                case GiftiDataType.Float32:
                    float value = i < awkward.Length ? awkward[i] : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)));
                    BinaryPrimitives.WriteSingleLittleEndian(e, value);
                    break;
                case GiftiDataType.Int32:
                    BinaryPrimitives.WriteInt32LittleEndian(e, i == 0 ? int.MinValue : i == 1 ? int.MaxValue : random.Next(int.MinValue, int.MaxValue));
                    break;
                default:
                    random.NextBytes(e);
                    break;
            }
        }
        return data;
    }

    public static GiftiDataArray Array(GiftiDataType type, int[] dims, GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order, int seed, GiftiIntent intent = GiftiIntent.None)
    {
        var array = new GiftiDataArray
        {
            Intent = intent,
            DataType = type,
            Dims = dims,
            Encoding = encoding,
            Endian = endian,
            ArrayIndexingOrder = order,
        };
        array.Data = Elements(type, (int)array.ElementCount, seed);
        return array;
    }

    /// <summary>A surface: a point set with a transform, triangles, a label array, and file metadata and labels.</summary>
    public static GiftiImage Image(GiftiDataType type, GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order)
    {
        var image = new GiftiImage();
        image.MetaData.Add("Description", "round trip é <&> ]]> end");
        image.MetaData.Add("UserName", "");
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 0, Name = "???", Red = 0, Green = 0, Blue = 0, Alpha = 0 });
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 7, Name = "V1 & <co>", Red = 1, Green = 0.5f, Blue = 0.1f, Alpha = 1 });
        GiftiDataArray points = Array(GiftiDataType.Float32, [6, 3], encoding, endian, order, 1, GiftiIntent.PointSet);
        points.CoordinateSystemTransforms.Add(new CoordinateSystemTransform
        {
            DataSpace = "NIFTI_XFORM_TALAIRACH",
            TransformedSpace = "NIFTI_XFORM_MNI_152",
            MatrixData = [1, 0, 0, 2.5, 0, 0.1, 0, -3, 0, 0, 1, 1e-7, 0, 0, 0, 1],
        });
        points.MetaData.Add("AnatomicalStructurePrimary", "CortexLeft");
        image.DataArrays.Add(points);
        image.DataArrays.Add(Array(type, [4, 3], encoding, endian, order, 2, type == GiftiDataType.Int32 ? GiftiIntent.Triangle : GiftiIntent.Shape));
        image.DataArrays.Add(Array(type, [2, 3, 4], encoding, endian, order, 3, GiftiIntent.TimeSeries));
        image.DataArrays.Add(Array(type, [5], encoding, endian, order, 4, type == GiftiDataType.Int32 ? GiftiIntent.Label : GiftiIntent.Shape));
        foreach (GiftiDataArray array in image.DataArrays.Where(a => a.Encoding == GiftiEncoding.ExternalFileBinary))
        {
            array.ExternalFileName = "data.bin";
        }
        long offset = 3;
        foreach (GiftiDataArray array in image.DataArrays.Where(a => a.Encoding == GiftiEncoding.ExternalFileBinary))
        {
            array.ExternalFileOffset = offset;
            offset += array.Data.Length + 5;
        }
        return image;
    }
}
