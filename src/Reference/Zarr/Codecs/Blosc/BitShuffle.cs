namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// Blosc's bit shuffle (c-blosc, bitshuffle-generic.c and shuffle.c, after the bitshuffle
/// library): for byte <c>j</c> of the type and bit <c>k</c> of that byte, row
/// <c>8 j + k</c> of <c>n / 8</c> bytes holds that bit of every element, element
/// <c>8 m + r</c> in bit <c>r</c> of the row's byte <c>m</c>. c-blosc bit-shuffles only when
/// the element count <c>n</c> is a multiple of eight and copies the block otherwise; bytes
/// after the last whole element are copied as they are (c-blosc 1.18 and later).
/// </summary>
internal static class BitShuffle
{
    public static void Shuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int count = source.Length / typeSize;
        if (count % 8 != 0)
        {
            source.CopyTo(destination);
            return;
        }
        int rowBytes = count / 8;
        for (int j = 0; j < typeSize; j++)
        {
            for (int m = 0; m < rowBytes; m++)
            {
                int at = (8 * m * typeSize) + j;
                ulong x = 0;
                for (int r = 0; r < 8; r++, at += typeSize)
                {
                    x |= (ulong)source[at] << (8 * r);
                }
                x = Transpose8x8(x);
                for (int k = 0; k < 8; k++)
                {
                    destination[(((8 * j) + k) * rowBytes) + m] = (byte)(x >> (8 * k));
                }
            }
        }
        int whole = count * typeSize;
        source[whole..].CopyTo(destination[whole..source.Length]);
    }

    public static void Unshuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int count = source.Length / typeSize;
        if (count % 8 != 0)
        {
            source.CopyTo(destination);
            return;
        }
        int rowBytes = count / 8;
        for (int j = 0; j < typeSize; j++)
        {
            for (int m = 0; m < rowBytes; m++)
            {
                ulong x = 0;
                for (int k = 0; k < 8; k++)
                {
                    x |= (ulong)source[(((8 * j) + k) * rowBytes) + m] << (8 * k);
                }
                x = Transpose8x8(x);
                int at = (8 * m * typeSize) + j;
                for (int r = 0; r < 8; r++, at += typeSize)
                {
                    destination[at] = (byte)(x >> (8 * r));
                }
            }
        }
        int whole = count * typeSize;
        source[whole..].CopyTo(destination[whole..source.Length]);
    }

    /// <summary>
    /// Transposes the 8×8 bit matrix whose row <c>r</c> is byte <c>r</c>: bit <c>r</c> of
    /// byte <c>k</c> of the result is bit <c>k</c> of byte <c>r</c> (three rounds of
    /// exchanging off-diagonal blocks, Hacker's Delight 7-3).
    /// </summary>
    internal static ulong Transpose8x8(ulong x)
    {
        ulong t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAUL;
        x ^= t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCUL;
        x ^= t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0UL;
        x ^= t ^ (t << 28);
        return x;
    }
}
