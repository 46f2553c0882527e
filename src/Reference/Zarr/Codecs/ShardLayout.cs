using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// What the sharding codec derives from one shard representation: the inner chunk grid, the
/// inner and index codec pipelines, and the index's fixed encoded size.
/// </summary>
internal sealed class ShardLayout
{
    private ShardLayout(ArrayRepresentation shard, long[] innerShape, int[] chunksPerShard, CodecPipeline inner, CodecPipeline index, int indexSize)
    {
        Shard = shard;
        InnerShape = innerShape;
        ChunksPerShard = chunksPerShard;
        Inner = inner;
        Index = index;
        IndexSize = indexSize;
        IndexShape = [.. chunksPerShard, 2];
        Count = chunksPerShard.Aggregate(1, (product, n) => product * n);
    }

    public ArrayRepresentation Shard { get; }

    public long[] InnerShape { get; }

    public int[] ChunksPerShard { get; }

    public int[] IndexShape { get; }

    /// <summary>Number of inner chunks, which is also the number of index entries.</summary>
    public int Count { get; }

    public CodecPipeline Inner { get; }

    public CodecPipeline Index { get; }

    public int IndexSize { get; }

    /// <summary>
    /// Checks the codec's configuration against a shard representation and builds both
    /// pipelines. Index entries are bounded by <paramref name="maxChunkBytes"/>, so a tiny
    /// chunk_shape in a vast shard is refused rather than allocated.
    /// </summary>
    public static ShardLayout Build(ShardingCodec codec, ArrayRepresentation shard, string location, long maxChunkBytes)
    {
        long[] inner = codec.ChunkShape;
        if (inner.Length != shard.Shape.Length)
        {
            throw new ConformanceException(ZarrRules.ShardingChunkShape, location + "/configuration/chunk_shape",
                $"chunk_shape has {inner.Length} dimensions, the shard {shard.Shape.Length}");
        }
        int[] perShard = new int[inner.Length];
        long count = 1;
        for (int d = 0; d < inner.Length; d++)
        {
            if (shard.Shape[d] % inner[d] != 0)
            {
                throw new ConformanceException(ZarrRules.ShardingChunkShape, location + "/configuration/chunk_shape/" + d,
                    $"inner chunk shape [{string.Join(", ", inner)}] does not divide shard shape [{string.Join(", ", shard.Shape)}]");
            }
            long n = shard.Shape[d] / inner[d];
            count = n == 0 ? 0 : (count > long.MaxValue / n ? long.MaxValue : count * n);
            perShard[d] = (int)Math.Min(n, int.MaxValue);
        }
        if (count > int.MaxValue / 2 || count * 16 > maxChunkBytes)
        {
            throw new ConformanceException(ZarrRules.ChunkTooLarge, location + "/configuration/chunk_shape",
                $"a shard of [{string.Join(", ", shard.Shape)}] has {count} inner chunks of [{string.Join(", ", inner)}]; their index is too large to hold in memory", Outcome.Unsupported);
        }
        var innerRepresentation = shard with { Shape = inner };
        CodecPipeline innerPipeline = CodecPipeline.Build(codec.Codecs, innerRepresentation, location + "/configuration/codecs", maxChunkBytes);
        var indexRepresentation = new ArrayRepresentation(IntegerDataType.UInt64, [.. perShard.Select(n => (long)n), 2]);
        CodecPipeline indexPipeline = CodecPipeline.Build(codec.IndexCodecs, indexRepresentation, location + "/configuration/index_codecs", maxChunkBytes);
        if (indexPipeline.EncodedSize is not long indexSize || indexSize > int.MaxValue)
        {
            throw new ConformanceException(ZarrRules.ShardingIndexCodecs, location + "/configuration/index_codecs",
                "index_codecs must encode the index to a fixed size; a codec whose output size depends on the data (such as a compressor) cannot be an index codec");
        }
        return new ShardLayout(shard, inner, perShard, innerPipeline, indexPipeline, (int)indexSize);
    }

    public bool Matches(ArrayRepresentation shard) =>
        shard.DataType == Shard.DataType && shard.Shape.AsSpan().SequenceEqual(Shard.Shape) && shard.FillValue.AsSpan().SequenceEqual(Shard.FillValue);

    /// <summary>The position of an inner chunk's entry in the index (C order over the inner grid).</summary>
    public int Linear(ReadOnlySpan<long> innerIndex)
    {
        int i = 0;
        for (int d = 0; d < innerIndex.Length; d++)
        {
            i = i * ChunksPerShard[d] + (int)innerIndex[d];
        }
        return i;
    }

    /// <summary>The inner chunk at index position <paramref name="i"/>; the inverse of <see cref="Linear"/>.</summary>
    public void Unravel(int i, Span<long> innerIndex)
    {
        for (int d = innerIndex.Length - 1; d >= 0; d--)
        {
            innerIndex[d] = i % ChunksPerShard[d];
            i /= ChunksPerShard[d];
        }
    }

    /// <summary>Where the encoded index sits in a shard of <paramref name="shardLength"/> bytes.</summary>
    public int IndexOffset(ShardIndexLocation location, int shardLength) =>
        location == ShardIndexLocation.Start ? 0 : shardLength - IndexSize;
}
