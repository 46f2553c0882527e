namespace Conformance.Reference.Zarr.Stores;

/// <summary>Reads a byte range of one value, or returns null when the value does not exist.</summary>
internal delegate ValueTask<StoreValue?> RangeReader(ByteRange range, CancellationToken cancellationToken);

internal static class RangeReaders
{
    public static RangeReader Of(Store store, string key) => (range, token) => store.GetAsync(key, range, token);

    /// <summary>
    /// Reads inside the <paramref name="length"/> bytes at <paramref name="offset"/> of
    /// <paramref name="outer"/>'s value, as if they were a value of their own (an inner chunk
    /// that is itself a shard).
    /// </summary>
    public static RangeReader Within(RangeReader outer, long offset, long length) => (range, token) =>
    {
        (long start, long n) = range.Resolve(length);
        return outer(ByteRange.FromStart(offset + start, n), token);
    };
}
