namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// A part of a value (core spec, "Abstract store interface": <c>range_start</c> and
/// <c>range_length</c>, the length open meaning "to the end"), or the last
/// <see cref="SuffixLength"/> bytes.
/// </summary>
public readonly record struct ByteRange
{
    private ByteRange(long start, long? length, long? suffixLength)
    {
        Start = start;
        Length = length;
        SuffixLength = suffixLength;
    }

    public long Start { get; }

    public long? Length { get; }

    /// <summary>When set, the range is the last this-many bytes and Start/Length are unused.</summary>
    public long? SuffixLength { get; }

    public static ByteRange Full { get; } = new(0, null, null);

    public static ByteRange FromStart(long start, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (length is long n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(length));
        }
        return new ByteRange(start, length, null);
    }

    public static ByteRange Suffix(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new ByteRange(0, null, length);
    }

    /// <summary>The (offset, length) this range selects in a value of <paramref name="valueLength"/> bytes, clipped to it.</summary>
    public (long Offset, long Length) Resolve(long valueLength)
    {
        if (SuffixLength is long suffix)
        {
            long n = Math.Min(suffix, valueLength);
            return (valueLength - n, n);
        }
        long offset = Math.Min(Start, valueLength);
        long available = valueLength - offset;
        return (offset, Length is long length ? Math.Min(length, available) : available);
    }
}
