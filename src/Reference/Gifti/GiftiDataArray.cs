using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Conformance.Reference.Gifti;

/// <summary>
/// A DataArray: its attributes, metadata, coordinate transforms and elements.
/// </summary>
/// <remarks>
/// GIFTI 1.0 section 2.0, DataArray. <see cref="Data"/> holds the elements in the file's element
/// type and in the file's <see cref="ArrayIndexingOrder"/>, always little-endian whatever
/// <see cref="Endian"/> says: the reader swaps big-endian payloads and the writer swaps back,
/// so a round trip gives the same bytes.
/// </remarks>
public sealed class GiftiDataArray
{
    public GiftiIntent Intent { get; set; } = GiftiIntent.None;

    public GiftiDataType DataType { get; set; } = GiftiDataType.Float32;

    public ArrayIndexingOrder ArrayIndexingOrder { get; set; } = ArrayIndexingOrder.RowMajor;

    public int Dimensionality => Dims.Length;

    /// <summary>Dim0 … Dim(Dimensionality−1), each positive.</summary>
    public int[] Dims { get; set; } = [0];

    public GiftiEncoding Encoding { get; set; } = GiftiEncoding.Base64Binary;

    public GiftiEndian Endian { get; set; } = GiftiEndian.Little;

    /// <summary>For ExternalFileBinary: the file, relative to the .gii file's folder.</summary>
    public string? ExternalFileName { get; set; }

    /// <summary>For ExternalFileBinary: the byte offset of the first element in that file.</summary>
    public long ExternalFileOffset { get; set; }

    /// <summary>
    /// True when a GZipBase64Binary payload was a gzip member rather than the zlib stream the
    /// spec and its implementations use (section 5.0). Read anyway; a validator flags it as not interoperable.
    /// </summary>
    public bool GzipWrapped { get; set; }

    public GiftiMetaData MetaData { get; set; } = new();

    public List<CoordinateSystemTransform> CoordinateSystemTransforms { get; } = [];

    /// <summary>The elements, little-endian, <see cref="ElementCount"/> × element size bytes.</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>The product of <see cref="Dims"/>.</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (int dim in Dims)
            {
                count *= dim;
            }
            return count;
        }
    }

    /// <summary>The elements of a NIFTI_TYPE_FLOAT32 array.</summary>
    public ReadOnlySpan<float> AsSingles() => MemoryMarshal.Cast<byte, float>(Checked(GiftiDataType.Float32));

    /// <summary>The elements of a NIFTI_TYPE_INT32 array.</summary>
    public ReadOnlySpan<int> AsInt32s() => MemoryMarshal.Cast<byte, int>(Checked(GiftiDataType.Int32));

    /// <summary>Every element as a double, whatever the type (64-bit integers beyond 2^53 lose precision).</summary>
    public double[] ToDoubles()
    {
        int size = GiftiNames.SizeOf(DataType);
        double[] values = new double[Data.Length / size];
        ReadOnlySpan<byte> data = Data;
        for (int i = 0; i < values.Length; i++)
        {
            ReadOnlySpan<byte> e = data.Slice(i * size, size);
            values[i] = DataType switch
            {
                GiftiDataType.UInt8 => e[0],
                GiftiDataType.Int8 => (sbyte)e[0],
                GiftiDataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(e),
                GiftiDataType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(e),
                GiftiDataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(e),
                GiftiDataType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(e),
                GiftiDataType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(e),
                GiftiDataType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(e),
                GiftiDataType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(e),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(e),
            };
        }
        return values;
    }

    private ReadOnlySpan<byte> Checked(GiftiDataType expected)
    {
        if (DataType != expected)
        {
            throw new InvalidOperationException($"the array holds {GiftiNames.Of(DataType)}, not {GiftiNames.Of(expected)}");
        }
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("typed views of Data need a little-endian machine");
        }
        return Data;
    }
}
