namespace Conformance.Reference.Zarr.Codecs;

/// <summary>Where a shard keeps its index (sharding_indexed, <c>index_location</c>).</summary>
public enum ShardIndexLocation
{
    Start,
    End,
}
