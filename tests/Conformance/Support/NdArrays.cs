using Conformance.Reference.Model;

namespace Conformance.Tests.Support;

/// <summary>Equality of in-memory arrays, bit for bit.</summary>
public static class NdArrays
{
    public static bool Equal(NdArray a, NdArray b)
    {
        if (a.ElementType != b.ElementType || !a.Shape.AsSpan().SequenceEqual(b.Shape))
        {
            return false;
        }
        if (a.Items is not null)
        {
            return a.Items.Zip(b.Items!).All(p => p.First.AsSpan().SequenceEqual(p.Second));
        }
        return a.Bytes.SequenceEqual(b.Bytes);
    }

    /// <summary>The elements of <paramref name="source"/> in the box at <paramref name="start"/> of <paramref name="extent"/>, computed element by element.</summary>
    public static NdArray Slice(NdArray source, int[] start, int[] extent)
    {
        NdArray result = NdArray.Create(source.ElementType, extent);
        int rank = extent.Length;
        int count = result.Count;
        int[] index = new int[rank];
        for (int flat = 0; flat < count; flat++)
        {
            int remainder = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                index[d] = remainder % extent[d];
                remainder /= extent[d];
            }
            int sourceFlat = 0;
            for (int d = 0; d < rank; d++)
            {
                sourceFlat = (sourceFlat * source.Shape[d]) + start[d] + index[d];
            }
            if (source.Items is not null)
            {
                result.Items![flat] = source.Items[sourceFlat];
            }
            else
            {
                int size = source.ElementType.Size;
                source.Bytes.Slice(sourceFlat * size, size).CopyTo(result.Bytes[(flat * size)..]);
            }
        }
        return result;
    }
}
