namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// Blosc's byte shuffle (c-blosc, shuffle-generic.c): byte <c>j</c> of element <c>i</c> moves
/// to <c>j * n + i</c>, <c>n</c> the number of whole elements; trailing bytes that make no
/// whole element stay where they are.
/// </summary>
internal static class ByteShuffle
{
    public static void Shuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int count = source.Length / typeSize;
        for (int j = 0; j < typeSize; j++)
        {
            Span<byte> plane = destination.Slice(j * count, count);
            int at = j;
            for (int i = 0; i < plane.Length; i++, at += typeSize)
            {
                plane[i] = source[at];
            }
        }
        int whole = count * typeSize;
        source[whole..].CopyTo(destination[whole..source.Length]);
    }

    public static void Unshuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int count = source.Length / typeSize;
        for (int j = 0; j < typeSize; j++)
        {
            ReadOnlySpan<byte> plane = source.Slice(j * count, count);
            int at = j;
            for (int i = 0; i < plane.Length; i++, at += typeSize)
            {
                destination[at] = plane[i];
            }
        }
        int whole = count * typeSize;
        source[whole..].CopyTo(destination[whole..source.Length]);
    }
}
