using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Zarr;

/// <summary>
/// A Zarr v3 array in a store: reads and writes any box of elements, chunk by chunk, in
/// parallel (core spec, "Storage" and "Chunk encoding").
/// </summary>
public sealed class ZarrArray : ArrayNode
{
    private readonly string _prefix;
    private readonly string _metadataKey;

    private ZarrArray(Store store, string path, ArrayMetadata metadata, ZarrOptions options)
    {
        Store = store;
        Path = path;
        Metadata = metadata;
        Options = options;
        _prefix = NodeName.Prefix(path);
        _metadataKey = NodeName.MetadataKey(path);
        Pipeline = CodecPipeline.Build(metadata.Codecs, new ArrayRepresentation(metadata.DataType, metadata.ChunkGrid.ChunkShape) { FillValue = metadata.FillValue }, _metadataKey + "#/codecs", options.MaxChunkBytes);
    }

    public Store Store { get; }

    public override string Path { get; }

    public ArrayMetadata Metadata { get; }

    public ZarrOptions Options { get; }

    public CodecPipeline Pipeline { get; }

    public override JsonObject Attributes => Metadata.Attributes;

    public override IReadOnlyList<long> Shape => Metadata.Shape;

    public override ElementType ElementType => Metadata.DataType.ElementType;

    public override IReadOnlyList<long>? ChunkShape => Metadata.ChunkGrid.ChunkShape;

    public override IReadOnlyList<string> Encoding => [.. Metadata.Codecs.Select(c => c.ToDefinition().ToString())];

    public override IReadOnlyList<string?>? DimensionNames => Metadata.DimensionNames;

    public override ReadOnlyMemory<byte> FillValue => Metadata.FillValue;

    /// <summary>Opens the array whose metadata is at <paramref name="path"/>.</summary>
    public static async ValueTask<ZarrArray> OpenAsync(Store store, string path = "/", ZarrOptions? options = null, CancellationToken cancellationToken = default)
    {
        return await ZarrHierarchy.OpenAsync(store, path, options, cancellationToken) switch
        {
            ZarrArray array => array,
            _ => throw new ConformanceException(ZarrRules.NodeType, NodeName.MetadataKey(NodeName.CheckPath(path)), $"{path} is a group, not an array"),
        };
    }

    /// <summary>
    /// Creates the array: writes its metadata, and group metadata for any ancestor that has
    /// none. An existing node at the path is replaced, with its chunks, only when
    /// <paramref name="overwrite"/> is set.
    /// </summary>
    public static async ValueTask<ZarrArray> CreateAsync(Store store, string path, ArrayMetadata metadata, ZarrOptions? options = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        path = NodeName.CheckPath(path);
        options ??= ZarrOptions.Default;
        var array = new ZarrArray(store, path, metadata, options);
        await ZarrHierarchy.PrepareNodeAsync(store, path, overwrite, cancellationToken);
        await store.SetAsync(array._metadataKey, metadata.ToJson(), cancellationToken);
        return array;
    }

    internal static ZarrArray FromMetadata(Store store, string path, ArrayMetadata metadata, ZarrOptions options) => new(store, path, metadata, options);

    /// <summary>The array at <paramref name="path"/> whose metadata the caller has already read and parsed (a validator walking a store).</summary>
    public static ZarrArray Open(Store store, string path, ArrayMetadata metadata, ZarrOptions? options = null) =>
        new(store, path, metadata, options ?? ZarrOptions.Default);

    /// <summary>The store key of the chunk at <paramref name="chunkIndex"/>.</summary>
    public string ChunkKey(ReadOnlySpan<long> chunkIndex) => _prefix + Metadata.ChunkKeyEncoding.Encode(chunkIndex);

    /// <summary>Number of chunks along each dimension.</summary>
    public long[] GridShape => Metadata.ChunkGrid.GridShape(Metadata.Shape);

    /// <summary>Decodes the chunk at <paramref name="chunkIndex"/>, or returns null when it is not stored.</summary>
    public async ValueTask<NdArray?> ReadChunkAsync(long[] chunkIndex, CancellationToken cancellationToken = default)
    {
        string key = ChunkKey(chunkIndex);
        using StoreValue? stored = await Store.GetAsync(key, null, cancellationToken);
        return stored is null ? null : Pipeline.Decode(stored.Memory, key);
    }

    /// <summary>Reads the whole array.</summary>
    public ValueTask<NdArray> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(new long[Shape.Count], Metadata.Shape, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>The result may hold a pooled buffer: dispose it when done.</remarks>
    public override async ValueTask<NdArray> ReadAsync(ReadOnlyMemory<long> start, ReadOnlyMemory<long> extent, CancellationToken cancellationToken = default)
    {
        int[] resultShape = CheckRegion(start.Span, extent.Span);
        // Every element is written by ReadIntoAsync, from a chunk or its fill, so no clearing is needed.
        NdArray result = NdArray.Rent(ElementType, resultShape);
        try
        {
            await ReadRegionAsync(start, extent, result, cancellationToken);
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>
    /// Reads the box that starts at <paramref name="start"/>, of <paramref name="destination"/>'s
    /// shape, into <paramref name="destination"/>: repeated reads can reuse one buffer.
    /// </summary>
    public async ValueTask ReadIntoAsync(ReadOnlyMemory<long> start, NdArray destination, CancellationToken cancellationToken = default)
    {
        if (destination.ElementType != ElementType)
        {
            throw new ArgumentException($"destination holds {destination.ElementType} elements, the array {ElementType}", nameof(destination));
        }
        long[] extent = [.. destination.Shape.Select(n => (long)n)];
        CheckRegion(start.Span, extent);
        await ReadRegionAsync(start, extent, destination, cancellationToken);
    }

    /// <summary>Fills <paramref name="destination"/> from the checked box at <paramref name="start"/> of <paramref name="extent"/>.</summary>
    private async ValueTask ReadRegionAsync(ReadOnlyMemory<long> start, ReadOnlyMemory<long> extent, NdArray destination, CancellationToken cancellationToken)
    {
        long[] from = start.ToArray();
        long[] size = extent.ToArray();
        ShardingCodec? sharding = Pipeline.PartialSharding;
        await ForEachChunkAsync(from, size, async (chunk, token) =>
        {
            string key = ChunkKey(chunk.Index);
            // A shard read in part fetches its index and the inner chunks the box touches;
            // one read whole is cheaper as a single request.
            if (sharding is not null && !chunk.CoversChunk)
            {
                if (!await sharding.ReadIntoAsync(RangeReaders.Of(Store, key), Pipeline.Decoded, key, chunk.ChunkStart, destination, chunk.RegionStart, chunk.Extent, token))
                {
                    destination.FillRegion(chunk.RegionStart, chunk.Extent, Metadata.FillValue);
                }
                return;
            }
            using StoreValue? stored = await Store.GetAsync(key, null, token);
            if (stored is null)
            {
                destination.FillRegion(chunk.RegionStart, chunk.Extent, Metadata.FillValue);
            }
            else
            {
                Pipeline.DecodeInto(stored.Memory, key, chunk.ChunkStart, destination, chunk.RegionStart, chunk.Extent);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="data"/> into the box starting at <paramref name="start"/>. Chunks
    /// the box covers are encoded from the data alone; others are read, updated and rewritten.
    /// A chunk that ends up equal to the fill value everywhere is erased rather than stored.
    /// </summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<long> start, NdArray data, CancellationToken cancellationToken = default)
    {
        if (data.ElementType != ElementType)
        {
            throw new ArgumentException($"data holds {data.ElementType} elements, the array {ElementType}", nameof(data));
        }
        long[] extent = [.. data.Shape.Select(n => (long)n)];
        CheckRegion(start.Span, extent);
        long[] from = start.ToArray();
        ShardingCodec? sharding = Pipeline.PartialSharding;
        // A shard too large to hold whole can still be written in parts.
        int[]? chunkShape = sharding is null ? Pipeline.Decoded.MemoryShape(_metadataKey) : null;
        await ForEachChunkAsync(from, extent, async (chunk, token) =>
        {
            if (sharding is not null && !chunk.CoversChunk)
            {
                await UpdateShardAsync(sharding, chunk, data, token);
                return;
            }
            NdArray? existing = chunk.CoversChunk ? null : await ReadChunkAsync(chunk.Index, token);
            using NdArray target = existing ?? NdArray.Rent(ElementType, chunkShape ?? Pipeline.Decoded.MemoryShape(_metadataKey));
            if (existing is null && (!chunk.CoversChunk || chunk.Overhangs))
            {
                target.Fill(Metadata.FillValue);
            }
            NdArray.CopyRegion(data, chunk.RegionStart, target, chunk.ChunkStart, chunk.Extent);
            string key = ChunkKey(chunk.Index);
            if (target.IsFilledWith(Metadata.FillValue))
            {
                await Store.EraseAsync(key, token);
                return;
            }
            using PooledBufferWriter encoded = Pipeline.Encode(target);
            await Store.SetAsync(key, encoded.WrittenMemory, token);
        }, cancellationToken);
    }

    /// <summary>Writes part of a shard, re-encoding only the inner chunks the part touches.</summary>
    private async ValueTask UpdateShardAsync(ShardingCodec sharding, ChunkSelection chunk, NdArray data, CancellationToken cancellationToken)
    {
        string key = ChunkKey(chunk.Index);
        long[] shardShape = Metadata.ChunkGrid.ChunkShape;
        long[] validExtent = new long[shardShape.Length];
        for (int d = 0; d < validExtent.Length; d++)
        {
            validExtent[d] = Math.Min(shardShape[d], Metadata.Shape[d] - chunk.Index[d] * shardShape[d]);
        }
        using StoreValue? stored = await Store.GetAsync(key, null, cancellationToken);
        using PooledBufferWriter? encoded = sharding.Update(stored?.Memory, Pipeline.Decoded, key, data, chunk.RegionStart, chunk.ChunkStart, chunk.Extent, validExtent);
        if (encoded is null)
        {
            await Store.EraseAsync(key, cancellationToken);
        }
        else
        {
            await Store.SetAsync(key, encoded.WrittenMemory, cancellationToken);
        }
    }

    /// <summary>Writes the whole array from <paramref name="data"/>.</summary>
    public ValueTask WriteAllAsync(NdArray data, CancellationToken cancellationToken = default) =>
        WriteAsync(new long[Shape.Count], data, cancellationToken);

    /// <summary>
    /// Runs <paramref name="body"/> for every chunk, at most <see cref="ZarrOptions.MaxDegreeOfParallelism"/>
    /// at once. Workers take runs of neighbouring chunks rather than one chunk at a time, so two
    /// workers seldom write next to each other in the result or in the same store directory.
    /// </summary>
    private async Task ForEachChunkAsync(long[] start, long[] extent, Func<ChunkSelection, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        IEnumerable<ChunkSelection> chunks = ChunkSelection.Of(Metadata.Shape, Metadata.ChunkGrid.ChunkShape, start, extent);
        long count = ChunkSelection.CountOf(Metadata.ChunkGrid.ChunkShape, start, extent);
        int workers = Math.Max(1, Options.MaxDegreeOfParallelism);
        if (workers == 1 || count <= 1)
        {
            foreach (ChunkSelection chunk in chunks)
            {
                await body(chunk, cancellationToken);
            }
            return;
        }
        // Four runs per worker keep the load even when some chunks decode slower than others;
        // runs are cut from the chunk sequence as workers take them, so memory stays bounded
        // by the runs in flight however many chunks the box touches.
        int runLength = (int)Math.Clamp(count / (workers * 4), 1, 4096);
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(chunks.Chunk(runLength), options, async (run, token) =>
        {
            foreach (ChunkSelection chunk in run)
            {
                await body(chunk, token);
            }
        });
    }

    private int[] CheckRegion(ReadOnlySpan<long> start, ReadOnlySpan<long> extent)
    {
        int rank = Metadata.Shape.Length;
        if (start.Length != rank || extent.Length != rank)
        {
            throw new ArgumentException($"a region of array {Path} has {rank} dimensions");
        }
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            if (start[d] < 0 || extent[d] < 0 || extent[d] > Metadata.Shape[d] - start[d])
            {
                throw new ArgumentOutOfRangeException(nameof(extent), $"region [{string.Join(", ", start.ToArray())}] + [{string.Join(", ", extent.ToArray())}] lies outside shape [{string.Join(", ", Metadata.Shape)}]");
            }
            if (extent[d] > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(extent), "region is too large to hold in memory");
            }
            shape[d] = (int)extent[d];
        }
        NdArray.CountOf(ElementType, shape);
        return shape;
    }
}
