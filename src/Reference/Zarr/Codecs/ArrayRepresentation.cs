using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The decoded or encoded representation of a chunk when it is an array (core spec,
/// "Determination of encoded representations"): a data type, a shape, and the fill value that
/// elements the chunk does not store take (the sharding codec needs it for empty inner chunks).
/// </summary>
public sealed record ArrayRepresentation(ZarrDataType DataType, long[] Shape)
{
    /// <summary>The fill value's element bytes; the data type's default unless set.</summary>
    public byte[] FillValue { get; init; } = DataType.DefaultFillValue;

    /// <summary>Number of elements, saturating at <see cref="long.MaxValue"/> for absurd shapes.</summary>
    public long ElementCount => SaturatingProduct(Shape, 1);

    /// <summary>Bytes of the elements (saturating), or null for variable-length types.</summary>
    public long? ByteCount => DataType.ElementType.IsVariableLength ? null : SaturatingProduct(Shape, DataType.ElementType.Size);

    private static long SaturatingProduct(long[] shape, long start)
    {
        long product = start;
        foreach (long n in shape)
        {
            if (n == 0)
            {
                return 0;
            }
            product = product > long.MaxValue / n ? long.MaxValue : product * n;
        }
        return product;
    }

    /// <summary>The shape as in-memory lengths, refusing chunks that cannot be held in memory.</summary>
    public int[] MemoryShape(string location)
    {
        int[] shape = new int[Shape.Length];
        long bytes = Math.Max(DataType.ElementType.Size, 1);
        for (int i = 0; i < shape.Length; i++)
        {
            bytes = Shape[i] == 0 ? 0 : (bytes > Array.MaxLength / Shape[i] ? long.MaxValue : bytes * Shape[i]);
            if (Shape[i] > Array.MaxLength || bytes > Array.MaxLength)
            {
                throw new ConformanceException(ZarrRules.ChunkTooLarge, location,
                    $"a chunk of shape [{string.Join(", ", Shape)}] {DataType} is too large to hold in memory", Outcome.Unsupported);
            }
            shape[i] = (int)Shape[i];
        }
        return shape;
    }
}
