namespace Conformance.Reference.Zarr.Stores;

/// <summary>Resource limits of a <see cref="ZipStore"/>.</summary>
public sealed record ZipStoreOptions
{
    public static ZipStoreOptions Default { get; } = new();

    /// <summary>
    /// Largest value read into memory at once. An entry whose declared size (or the part of it
    /// asked for) is larger is refused before anything is allocated.
    /// </summary>
    public long MaxValueBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Archive readers open at once, each with its own file handle: reads beyond this many
    /// wait for a reader to come free.
    /// </summary>
    public int MaxReaders { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 16);
}
