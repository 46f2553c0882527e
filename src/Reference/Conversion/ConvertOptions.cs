using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Conversion;

/// <summary>
/// How <see cref="Converter"/> lays out each array it writes. Unset members keep what the
/// source has, where the source is Zarr, or take a plain default.
/// </summary>
public sealed record ConvertOptions
{
    /// <summary>
    /// The chunk shape: the inner chunks when <see cref="Shards"/> is set, else the chunk grid.
    /// Applied to arrays of the same rank; others keep their own.
    /// </summary>
    public IReadOnlyList<long>? Chunks { get; init; }

    /// <summary>The shard shape (the chunk grid, with a <c>sharding_indexed</c> codec); applied to arrays of the same rank.</summary>
    public IReadOnlyList<long>? Shards { get; init; }

    /// <summary>The codec chain for a data type (inside the shards when sharding); null keeps the source's.</summary>
    public Func<ZarrDataType, IReadOnlyList<ICodec>>? Codecs { get; init; }

    /// <summary>
    /// Whether nodes of the source that cannot be read are left out (and listed in the
    /// summary) rather than stopping the conversion before anything is written.
    /// </summary>
    public bool SkipUnreadable { get; init; }

    /// <summary>Blocks copied at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Bytes of element data held at once across all blocks in flight, which bounds memory
    /// whatever the array's size; a block is at least one destination chunk.
    /// </summary>
    public long MemoryBudget { get; init; } = 512L << 20;
}
