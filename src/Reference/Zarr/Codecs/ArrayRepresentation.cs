using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The decoded or encoded representation of a chunk when it is an array (core spec,
/// "Determination of encoded representations"): a data type and a shape.
/// </summary>
public sealed record ArrayRepresentation(ZarrDataType DataType, long[] Shape)
{
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long n in Shape)
            {
                count = checked(count * n);
            }
            return count;
        }
    }

    /// <summary>Bytes of the elements, or null for variable-length types.</summary>
    public long? ByteCount => DataType.ElementType.IsVariableLength ? null : checked(ElementCount * DataType.ElementType.Size);

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
