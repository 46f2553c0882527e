using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Conversion;

/// <summary>
/// Copies a node of any format's model (an array, or a group with everything below it) into a
/// Zarr v3 store with new chunks, shards or codecs. Arrays stream in blocks aligned with the
/// destination's chunks (and grown to cover the source's chunks when memory allows, so no
/// source chunk is decoded more than once per block), several blocks at a time within
/// <see cref="ConvertOptions.MemoryBudget"/>.
/// </summary>
public static class Converter
{
    public static async Task<ConversionSummary> ConvertAsync(Node source, Store destination, ConvertOptions? options = null, IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ConvertOptions();
        var nodes = new List<Node>();
        var failures = new List<ConformanceException>();
        await CollectAsync(source, nodes, failures, cancellationToken);
        if (failures.Count > 0 && !options.SkipUnreadable)
        {
            throw failures[0];
        }
        long total = nodes.OfType<ArrayNode>().Sum(a => a.Shape.Aggregate(1L, (p, n) => p * n));
        var counter = new ProgressCounter(total, progress);
        int groups = 0, arrays = 0;
        foreach (Node node in nodes)
        {
            string path = RelativePath(source, node);
            switch (node)
            {
                case ArrayNode array:
                    await CopyArrayAsync(array, destination, path, options, counter, cancellationToken);
                    arrays++;
                    break;
                case GroupNode group:
                    await ZarrGroup.CreateAsync(destination, path, new GroupMetadata { Attributes = (System.Text.Json.Nodes.JsonObject)group.Attributes.DeepClone() }, overwrite: true, cancellationToken: cancellationToken);
                    groups++;
                    break;
            }
        }
        return new ConversionSummary(groups, arrays, counter.Done, failures);
    }

    private static async Task CollectAsync(Node node, List<Node> nodes, List<ConformanceException> failures, CancellationToken cancellationToken)
    {
        if (node is UnreadableNode unreadable)
        {
            failures.Add(unreadable.Error);
            return;
        }
        nodes.Add(node);
        if (node is GroupNode group)
        {
            foreach (Node child in await group.GetChildrenAsync(cancellationToken))
            {
                await CollectAsync(child, nodes, failures, cancellationToken);
            }
        }
    }

    private static string RelativePath(Node root, Node node)
    {
        string rest = root.Path == "/" ? node.Path : node.Path[root.Path.Length..];
        return rest.Length == 0 ? "/" : rest;
    }

    /// <summary>The destination metadata for <paramref name="source"/> under <paramref name="options"/>.</summary>
    public static ArrayMetadata Plan(ArrayNode source, ConvertOptions options)
    {
        int rank = source.Shape.Count;
        ArrayMetadata? zarr = (source as ZarrArray)?.Metadata;
        ShardingCodec? sourceSharding = (source as ZarrArray)?.Pipeline.PartialSharding;
        ZarrDataType type = zarr?.DataType ?? DataTypeRegistry.ForElementType(source.ElementType);
        IReadOnlyList<long>? chunks = options.Chunks?.Count == rank ? options.Chunks : null;
        IReadOnlyList<long>? shards = options.Shards?.Count == rank ? options.Shards : null;
        IReadOnlyList<ICodec> chain = options.Codecs?.Invoke(type)
            ?? zarr?.Codecs.OfType<ShardingCodec>().FirstOrDefault()?.Codecs
            ?? zarr?.Codecs
            ?? [type.ElementType.Kind switch
            {
                ElementKind.String => VlenCodec.Utf8,
                ElementKind.Bytes => VlenCodec.Bytes,
                _ => BytesCodec.Little,
            }];
        long[] grid;
        ICodec[] codecs;
        if (shards is not null || (chunks is null && sourceSharding is not null))
        {
            grid = [.. shards ?? zarr!.ChunkGrid.ChunkShape];
            long[] inner = [.. chunks ?? sourceSharding?.ChunkShape ?? source.ChunkShape ?? grid];
            for (int d = 0; d < rank; d++)
            {
                if (inner[d] < 1 || grid[d] % inner[d] != 0)
                {
                    throw new ArgumentException($"inner chunks [{string.Join(", ", inner)}] do not divide shards [{string.Join(", ", grid)}] of {source.Path}");
                }
            }
            codecs = [new ShardingCodec(inner, chain, [BytesCodec.Little, Crc32cCodec.Instance])];
        }
        else
        {
            grid = [.. chunks ?? source.ChunkShape ?? DefaultChunks(source)];
            codecs = [.. chain];
        }
        if (grid.Any(n => n < 1))
        {
            throw new ArgumentException($"chunk shape [{string.Join(", ", grid)}] of {source.Path} has an entry below 1");
        }
        return new ArrayMetadata(source.Shape, type, new RegularChunkGrid(grid), codecs, source.FillValue.ToArray())
        {
            Attributes = (System.Text.Json.Nodes.JsonObject)source.Attributes.DeepClone(),
            DimensionNames = source.DimensionNames,
        };
    }

    /// <summary>A chunk of about 1 MiB for sources that have none: the trailing dimensions whole, as far as they fit.</summary>
    private static long[] DefaultChunks(ArrayNode source)
    {
        long[] chunks = [.. source.Shape.Select(n => Math.Max(1, n))];
        long budget = Math.Max(1, (1L << 20) / Math.Max(1, source.ElementType.Size == 0 ? 16 : source.ElementType.Size));
        long size = 1;
        for (int d = chunks.Length - 1; d >= 0; d--)
        {
            long room = Math.Max(1, budget / size);
            chunks[d] = Math.Min(chunks[d], room);
            size *= chunks[d];
        }
        return chunks;
    }

    private static async Task CopyArrayAsync(ArrayNode source, Store store, string path, ConvertOptions options, ProgressCounter counter, CancellationToken cancellationToken)
    {
        ArrayMetadata metadata = Plan(source, options);
        int workers = Math.Max(1, options.MaxDegreeOfParallelism);
        ZarrArray target = await ZarrArray.CreateAsync(store, path, metadata, new ZarrOptions { MaxDegreeOfParallelism = workers }, overwrite: true, cancellationToken);
        long[] block = BlockShape(metadata.ChunkGrid.ChunkShape, source.ChunkShape, source.Shape, source.ElementType, options.MemoryBudget / workers);
        long[] shape = [.. source.Shape];
        counter.Start(path);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ChunkSelection.Of(shape, block, new long[shape.Length], shape), parallel, async (selection, token) =>
        {
            long[] start = new long[shape.Length];
            long[] extent = new long[shape.Length];
            for (int d = 0; d < shape.Length; d++)
            {
                start[d] = selection.Index[d] * block[d];
                extent[d] = selection.Extent[d];
            }
            using NdArray data = await source.ReadAsync(start, extent, token);
            await target.WriteAsync(start, data, token);
            counter.Add(data.Count);
        });
    }

    /// <summary>
    /// Destination chunks, grown along each dimension, last dimension first, to a whole number of
    /// destination chunks that covers a source chunk, while the block stays within <paramref name="budget"/> bytes.
    /// </summary>
    private static long[] BlockShape(long[] destination, IReadOnlyList<long>? source, IReadOnlyList<long> shape, ElementType type, long budget)
    {
        long[] block = [.. destination.Select((n, d) => Math.Min(n, Math.Max(1, shape[d])))];
        if (source is null)
        {
            return block;
        }
        long elementSize = Math.Max(1, type.Size == 0 ? 16 : type.Size);
        for (int d = block.Length - 1; d >= 0; d--)
        {
            long covering = Math.Min((source[d] + destination[d] - 1) / destination[d] * destination[d], Math.Max(1, shape[d]));
            long others = elementSize;
            for (int k = 0; k < block.Length; k++)
            {
                others = k == d ? others : (others > long.MaxValue / block[k] ? long.MaxValue : others * block[k]);
            }
            if (covering > block[d] && others <= budget / covering)
            {
                block[d] = covering;
            }
        }
        return block;
    }

    private sealed class ProgressCounter(long total, IProgress<ConversionProgress>? progress)
    {
        private long _done;
        private string _path = "/";

        public long Done => Interlocked.Read(ref _done);

        public void Start(string path)
        {
            _path = path;
            progress?.Report(new ConversionProgress(Done, total, path));
        }

        public void Add(long elements)
        {
            long done = Interlocked.Add(ref _done, elements);
            progress?.Report(new ConversionProgress(done, total, _path));
        }
    }
}
