using System.Buffers;

namespace Conformance.Reference.Model;

/// <summary>
/// An n-dimensional array in memory, C order. Fixed-size elements live in one byte buffer,
/// little-endian; variable-length elements (strings as UTF-8, byte strings) live one array per
/// element. Arrays made by <see cref="Rent"/> hold a pooled buffer that <see cref="Dispose"/>
/// returns.
/// </summary>
public sealed class NdArray : IDisposable
{
    private byte[]? _bytes;
    private readonly bool _pooled;

    private NdArray(ElementType type, int[] shape, int count, byte[]? bytes, byte[][]? items, bool pooled)
    {
        ElementType = type;
        Shape = shape;
        Count = count;
        _bytes = bytes;
        Items = items;
        _pooled = pooled;
    }

    public ElementType ElementType { get; }

    public int[] Shape { get; }

    public int Rank => Shape.Length;

    /// <summary>Number of elements (1 for a 0-d array).</summary>
    public int Count { get; }

    /// <summary>Length in bytes of the fixed-size element data.</summary>
    public int ByteLength => Count * ElementType.Size;

    /// <summary>The element bytes of a fixed-size array, little-endian, C order.</summary>
    public Span<byte> Bytes => _bytes is null
        ? throw new InvalidOperationException($"{ElementType} elements are not held as bytes")
        : _bytes.AsSpan(0, ByteLength);

    /// <summary>The elements of a variable-length array, C order.</summary>
    public byte[][]? Items { get; }

    /// <summary>A zero-filled array (empty elements for variable-length types).</summary>
    public static NdArray Create(ElementType type, ReadOnlySpan<int> shape)
    {
        int count = CountOf(type, shape);
        if (type.IsVariableLength)
        {
            byte[][] items = new byte[count][];
            Array.Fill(items, []);
            return new NdArray(type, shape.ToArray(), count, null, items, false);
        }
        return new NdArray(type, shape.ToArray(), count, new byte[count * type.Size], null, false);
    }

    /// <summary>
    /// Like <see cref="Create"/>, but fixed-size data comes from the shared pool and is not
    /// cleared: the caller fills every element.
    /// </summary>
    public static NdArray Rent(ElementType type, ReadOnlySpan<int> shape)
    {
        if (type.IsVariableLength)
        {
            return Create(type, shape);
        }
        int count = CountOf(type, shape);
        return new NdArray(type, shape.ToArray(), count, ArrayPool<byte>.Shared.Rent(count * type.Size), null, true);
    }

    /// <summary>Wraps existing little-endian element bytes without copying.</summary>
    public static NdArray FromBytes(ElementType type, ReadOnlySpan<int> shape, byte[] bytes)
    {
        int count = CountOf(type, shape);
        if (type.IsVariableLength || bytes.Length != count * type.Size)
        {
            throw new ArgumentException($"{bytes.Length} bytes do not hold {count} {type} elements", nameof(bytes));
        }
        return new NdArray(type, shape.ToArray(), count, bytes, null, false);
    }

    /// <summary>Wraps variable-length elements without copying.</summary>
    public static NdArray FromItems(ElementType type, ReadOnlySpan<int> shape, byte[][] items)
    {
        int count = CountOf(type, shape);
        if (!type.IsVariableLength || items.Length != count)
        {
            throw new ArgumentException($"{items.Length} items do not hold {count} {type} elements", nameof(items));
        }
        return new NdArray(type, shape.ToArray(), count, null, items, false);
    }

    /// <summary>Number of elements of <paramref name="shape"/>, refusing sizes that cannot be held in memory.</summary>
    public static int CountOf(ElementType type, ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int n in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n);
            count *= n;
            if (count * Math.Max(type.Size, 1) > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), "array does not fit in one buffer");
            }
        }
        return (int)count;
    }

    /// <summary>One element's bytes (fixed size) or value (variable length).</summary>
    public ReadOnlySpan<byte> Element(int index) => Items is not null
        ? Items[index]
        : Bytes.Slice(index * ElementType.Size, ElementType.Size);

    /// <summary>Sets every element to <paramref name="element"/>.</summary>
    public void Fill(ReadOnlySpan<byte> element)
    {
        if (Items is not null)
        {
            byte[] value = element.ToArray();
            Array.Fill(Items, value);
            return;
        }
        ElementSpans.Fill(Bytes, element);
    }

    /// <summary>Sets the elements of the box at <paramref name="start"/> of <paramref name="extent"/> to <paramref name="element"/>.</summary>
    public void FillRegion(ReadOnlySpan<int> start, ReadOnlySpan<int> extent, ReadOnlySpan<byte> element)
    {
        var runs = new RegionRuns(Shape, start, Shape, start, extent);
        if (Items is not null)
        {
            byte[] value = element.ToArray();
            while (runs.MoveNext(out int offset, out _, out int n))
            {
                Array.Fill(Items, value, offset, n);
            }
            return;
        }
        int size = ElementType.Size;
        Span<byte> bytes = Bytes;
        while (runs.MoveNext(out int offset, out _, out int n))
        {
            ElementSpans.Fill(bytes.Slice(offset * size, n * size), element);
        }
    }

    /// <summary>True when every element equals <paramref name="element"/> bit for bit.</summary>
    public bool IsFilledWith(ReadOnlySpan<byte> element)
    {
        if (Items is not null)
        {
            foreach (byte[] item in Items)
            {
                if (!item.AsSpan().SequenceEqual(element))
                {
                    return false;
                }
            }
            return true;
        }
        return ElementSpans.IsFilledWith(Bytes, element);
    }

    /// <summary>
    /// Copies the box of <paramref name="extent"/> elements at <paramref name="sourceStart"/> in
    /// <paramref name="source"/> to <paramref name="destinationStart"/> in <paramref name="destination"/>.
    /// </summary>
    public static void CopyRegion(NdArray source, ReadOnlySpan<int> sourceStart, NdArray destination, ReadOnlySpan<int> destinationStart, ReadOnlySpan<int> extent)
    {
        if (source.ElementType != destination.ElementType)
        {
            throw new ArgumentException("element types differ", nameof(destination));
        }
        var runs = new RegionRuns(source.Shape, sourceStart, destination.Shape, destinationStart, extent);
        if (source.Items is not null)
        {
            byte[][] from = source.Items;
            byte[][] to = destination.Items!;
            while (runs.MoveNext(out int s, out int d, out int n))
            {
                Array.Copy(from, s, to, d, n);
            }
            return;
        }
        CopyRuns(ref runs, source.Bytes, destination.Bytes, source.ElementType.Size);
    }

    /// <summary>
    /// Like <see cref="CopyRegion(NdArray, ReadOnlySpan{int}, NdArray, ReadOnlySpan{int}, ReadOnlySpan{int})"/>,
    /// from fixed-size elements held in <paramref name="source"/> as a C-order array of
    /// <paramref name="sourceShape"/>: decoders copy straight from their buffers.
    /// </summary>
    public static void CopyRegion(ReadOnlySpan<byte> source, ReadOnlySpan<int> sourceShape, ReadOnlySpan<int> sourceStart, NdArray destination, ReadOnlySpan<int> destinationStart, ReadOnlySpan<int> extent)
    {
        var runs = new RegionRuns(sourceShape, sourceStart, destination.Shape, destinationStart, extent);
        CopyRuns(ref runs, source, destination.Bytes, destination.ElementType.Size);
    }

    private static void CopyRuns(ref RegionRuns runs, ReadOnlySpan<byte> source, Span<byte> destination, int size)
    {
        while (runs.MoveNext(out int s, out int d, out int n))
        {
            source.Slice(s * size, n * size).CopyTo(destination.Slice(d * size, n * size));
        }
    }

    /// <summary>
    /// Writes into <paramref name="destination"/> the array whose dimension <c>i</c> is this
    /// array's dimension <c>order[i]</c> (the transpose codec's permutation).
    /// </summary>
    public void PermuteInto(ReadOnlySpan<int> order, NdArray destination)
    {
        int rank = Rank;
        Span<int> sourceStrides = stackalloc int[rank];
        ElementSpans.Strides(Shape, sourceStrides);
        // Walk the destination in C order; step through the source with the permuted strides.
        Span<int> steps = stackalloc int[rank];
        for (int i = 0; i < rank; i++)
        {
            steps[i] = sourceStrides[order[i]];
        }
        Span<int> index = stackalloc int[rank];
        int size = ElementType.Size;
        int sourceOffset = 0;
        byte[][]? fromItems = Items;
        byte[][]? toItems = destination.Items;
        Span<byte> from = fromItems is null ? Bytes : default;
        Span<byte> to = toItems is null ? destination.Bytes : default;
        int[] dshape = destination.Shape;
        for (int d = 0; d < Count; d++)
        {
            if (toItems is not null)
            {
                toItems[d] = fromItems![sourceOffset];
            }
            else
            {
                from.Slice(sourceOffset * size, size).CopyTo(to.Slice(d * size, size));
            }
            for (int k = rank - 1; k >= 0; k--)
            {
                sourceOffset += steps[k];
                if (++index[k] < dshape[k])
                {
                    break;
                }
                sourceOffset -= steps[k] * index[k];
                index[k] = 0;
            }
        }
    }

    public void Dispose()
    {
        if (_pooled && _bytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = null;
        }
    }
}
