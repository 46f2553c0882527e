using System.Buffers.Binary;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// One array of an OME-Zarr fixture (a multiscale level): shape, chunking, data type, its
/// <c>dimension_names</c> (null for none, as 0.4 allows) and every element in C order. The
/// reference writer stores it, so chunks equal to the fill value everywhere are left out.
/// </summary>
internal sealed record OmeArray(long[] Shape, long[] ChunkShape, ZarrDataType DataType, string[]? DimensionNames, long[] Values)
{
    /// <summary>An array whose element at each index is <paramref name="value"/> of that index.</summary>
    public static OmeArray Of(long[] shape, long[] chunkShape, ZarrDataType dataType, string[]? dimensionNames, Func<long[], long> value)
    {
        long count = shape.Aggregate(1L, (a, n) => a * n);
        long[] values = new long[count];
        long[] index = new long[shape.Length];
        for (long i = 0; i < count; i++)
        {
            values[i] = value(index);
            for (int d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }
        return new OmeArray(shape, chunkShape, dataType, dimensionNames, values);
    }

    public async ValueTask WriteAsync(Store store, string path)
    {
        var metadata = new ArrayMetadata(Shape, DataType, new RegularChunkGrid(ChunkShape), [BytesCodec.Little]) { DimensionNames = DimensionNames };
        ZarrArray array = await ZarrArray.CreateAsync(store, path, metadata);
        using NdArray data = NdArray.Create(DataType.ElementType, [.. Shape.Select(n => (int)n)]);
        int size = DataType.ElementType.Size;
        for (int i = 0; i < Values.Length; i++)
        {
            Span<byte> element = data.Bytes.Slice(i * size, size);
            switch (DataType)
            {
                case FloatDataType when size == 4:
                    BinaryPrimitives.WriteSingleLittleEndian(element, Values[i]);
                    break;
                case IntegerDataType when size == 1:
                    element[0] = (byte)Values[i];
                    break;
                case IntegerDataType when size == 2:
                    BinaryPrimitives.WriteUInt16LittleEndian(element, (ushort)Values[i]);
                    break;
                case IntegerDataType when size == 4:
                    BinaryPrimitives.WriteUInt32LittleEndian(element, (uint)Values[i]);
                    break;
                default:
                    throw new NotSupportedException($"OME fixtures hold small integers or float32, not {DataType.Name}");
            }
        }
        await array.WriteAllAsync(data);
    }

    /// <summary>The <c>arrays</c> entry of a valid case's manifest (integer data only: its values are exact).</summary>
    public JsonMembers Manifest()
    {
        if (DataType is not IntegerDataType)
        {
            throw new InvalidOperationException($"a valid OME fixture lists integer arrays only, not {DataType.Name}");
        }
        return new JsonMembers
        {
            { "shape", Shape.Cast<object?>().ToList() },
            { "data_type", DataType.Name },
            { "chunk_shape", ChunkShape.Cast<object?>().ToList() },
            { "fill_value", 0 },
            { "values", Values.Cast<object?>().ToList() },
        };
    }
}
