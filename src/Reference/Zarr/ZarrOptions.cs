using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr;

/// <summary>Registries and resource limits for reading and writing Zarr v3.</summary>
public sealed record ZarrOptions
{
    public static ZarrOptions Default { get; } = new();

    public DataTypeRegistry DataTypes { get; init; } = DataTypeRegistry.Default;

    public CodecRegistry Codecs { get; init; } = CodecRegistry.Default;

    /// <summary>Largest <c>zarr.json</c> read, in bytes.</summary>
    public long MaxMetadataBytes { get; init; } = 256L << 20;

    /// <summary>Largest intermediate result when decoding a chunk whose size is not fixed by its codecs.</summary>
    public long MaxChunkBytes { get; init; } = 1L << 30;

    /// <summary>Chunks encoded or decoded at once; each holds about two chunk buffers.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether a group's children are taken from its consolidated metadata, when it has some, instead of listing the store.</summary>
    public bool UseConsolidatedMetadata { get; init; }
}
