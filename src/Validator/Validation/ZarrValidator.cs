using System.Threading.Channels;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Validation;

/// <summary>
/// Checks a Zarr v3 store against the catalog and reports every finding instead of stopping at
/// the first: each metadata document (every member that can be judged on its own), node names, the shape of the hierarchy
/// (arrays without children, groups with metadata), every key against the node it belongs to
/// (chunk keys that decode and fall inside the grid), and in deep mode every stored chunk
/// decoded through its array's codecs, in parallel with bounded memory.
/// </summary>
public static class ZarrValidator
{
    private const string MetadataName = "zarr.json";

    private sealed class Node(string path, NodeMetadata? metadata)
    {
        public string Path { get; } = path;

        /// <summary>The parsed document, or null when it broke a rule.</summary>
        public NodeMetadata? Metadata { get; } = metadata;

        public ZarrArray? Array { get; init; }

        public long Sampled;
    }

    public static async Task<ValidationReport> ValidateAsync(Store store, string target, ValidationOptions? options = null, IProgress<long>? chunksChecked = null, CancellationToken cancellationToken = default)
    {
        options ??= new ValidationOptions();
        var sink = new DiagnosticSink(options);
        SortedSet<string> paths = await FindNodesAsync(store, options, cancellationToken);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            nodes[path] = await ReadNodeAsync(store, path, options, sink, cancellationToken);
        }
        CheckHierarchy(nodes, sink);
        var parsed = nodes.Values.Where(n => n.Metadata is not null).ToDictionary(n => n.Path, n => n.Metadata!, StringComparer.Ordinal);
        foreach (IHierarchyCheck check in options.Checks)
        {
            await check.CheckAsync(parsed, store, (rule, location, message) => sink.Add(rule, location, message), cancellationToken);
        }
        long keys = 0, chunks = 0, bytes = 0;
        // A second listing rather than keeping the first: keys can only be judged once every
        // node is known, and holding millions of keys until then would cost what streaming saves.
        if (store.IsListable)
        {
            var work = Channel.CreateBounded<(Node Array, string Key, long[] Index)>(Math.Max(1, options.MaxDegreeOfParallelism) * 4);
            Task[] workers = [.. Enumerable.Range(0, Math.Max(1, options.MaxDegreeOfParallelism)).Select(_ => Task.Run(async () =>
            {
                await foreach ((Node array, string key, long[] index) in work.Reader.ReadAllAsync(cancellationToken))
                {
                    long size = await CheckChunkAsync(store, array.Array!, key, index, sink, cancellationToken);
                    Interlocked.Add(ref bytes, size);
                    long done = Interlocked.Increment(ref chunks);
                    chunksChecked?.Report(done);
                }
            }, cancellationToken))];
            try
            {
                await foreach (string key in store.ListAsync(cancellationToken))
                {
                    keys++;
                    if (ClassifyKey(key, nodes, k => options.Checks.Any(c => c.Claims(k, parsed)), sink) is (Node array, long[] index)
                        && options.Deep
                        && (options.Sample is not int sample || Interlocked.Increment(ref array.Sampled) <= sample))
                    {
                        await work.Writer.WriteAsync((array, key, index), cancellationToken);
                    }
                }
            }
            finally
            {
                work.Writer.Complete();
                await Task.WhenAll(workers);
            }
        }
        var statistics = new ValidationStatistics(
            nodes.Values.Count(n => n.Metadata is GroupMetadata),
            nodes.Values.Count(n => n.Metadata is ArrayMetadata),
            keys, chunks, bytes);
        return new ValidationReport(target, options.Profile, options.Deep, sink.Sorted(), statistics);
    }

    /// <summary>
    /// The paths of all nodes: every metadata key a listing shows, or, where the store cannot
    /// list, the root and what its consolidated metadata names.
    /// </summary>
    private static async Task<SortedSet<string>> FindNodesAsync(Store store, ValidationOptions options, CancellationToken cancellationToken)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        if (store.IsListable)
        {
            await foreach (string key in store.ListAsync(cancellationToken))
            {
                if (key == MetadataName)
                {
                    paths.Add("/");
                }
                else if (key.EndsWith("/" + MetadataName, StringComparison.Ordinal) && !IsReserved(key))
                {
                    paths.Add("/" + key[..^(MetadataName.Length + 1)]);
                }
            }
            return paths;
        }
        paths.Add("/");
        try
        {
            if (await ZarrHierarchy.ReadMetadataAsync(store, "/", options.Zarr, cancellationToken) is GroupMetadata { Consolidated: { } consolidated })
            {
                foreach (string child in consolidated.Metadata.Keys)
                {
                    paths.Add("/" + child);
                }
            }
        }
        catch (ConformanceException)
        {
            // Reported when the root is read as a node.
        }
        return paths;
    }

    private static async Task<Node> ReadNodeAsync(Store store, string path, ValidationOptions options, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        string key = NodeName.MetadataKey(path);
        foreach (string name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NodeName.Problem(name) is string problem)
            {
                sink.Add(ZarrRules.NodeName, new DiagnosticLocation(key), $"node name '{name}' {problem}");
            }
        }
        var problems = new List<ConformanceException>();
        (bool found, NodeMetadata? metadata) = await ZarrHierarchy.CheckMetadataAsync(store, path, options.Zarr, problems, cancellationToken);
        foreach (ConformanceException problem in problems)
        {
            sink.Add(problem);
        }
        if (!found)
        {
            sink.Add(ZarrRules.GroupWithoutMetadata, new DiagnosticLocation(key), $"{path} has no metadata document");
        }
        if (metadata is null)
        {
            return new Node(path, null);
        }
        ZarrArray? array = metadata is ArrayMetadata arrayMetadata ? OpenArray(store, path, arrayMetadata, options, sink) : null;
        if (metadata is ArrayMetadata { DimensionNames: { } names })
        {
            CheckDimensionNames(names, key, sink);
        }
        CheckInteroperability(metadata, key, sink);
        return new Node(path, metadata) { Array = array };
    }

    /// <summary>Core spec, "dimension_names": non-null names should be distinct, which the reader does not enforce.</summary>
    private static void CheckDimensionNames(IReadOnlyList<string?> names, string key, DiagnosticSink sink)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] is string name && !seen.Add(name))
            {
                sink.Add(ZarrRules.DimensionNamesDistinct, new DiagnosticLocation(key, "/dimension_names/" + i), $"dimension name '{name}' is used more than once");
            }
        }
    }

    /// <summary>What the spec allows but widely used readers get wrong (the ZARR-INTEROP rules).</summary>
    private static void CheckInteroperability(NodeMetadata metadata, string key, DiagnosticSink sink)
    {
        if (metadata is GroupMetadata { ConsolidatedIsNull: true })
        {
            sink.Add(ZarrRules.ConsolidatedNull, new DiagnosticLocation(key, "/consolidated_metadata"), "\"consolidated_metadata\" is null; readers that follow the extension rules strictly refuse it");
        }
        if (metadata is not ArrayMetadata array)
        {
            return;
        }
        CheckCodecs(array.Codecs, "/codecs", array.DataType.ElementType.Kind == ElementKind.Bool, key, sink);
    }

    private static void CheckCodecs(IReadOnlyList<ICodec> codecs, string pointer, bool isBool, string key, DiagnosticSink sink)
    {
        for (int i = 0; i < codecs.Count; i++)
        {
            string at = $"{pointer}/{i}";
            switch (codecs[i])
            {
                case ShardingCodec sharding:
                    if (sharding.IndexLocation == ShardIndexLocation.Start)
                    {
                        sink.Add(ZarrRules.ShardIndexAtStart, new DiagnosticLocation(key, at + "/configuration/index_location"), "the shard index is at the start; zarrita 0.7.5 reads it from the end and cannot read this array");
                    }
                    CheckCodecs(sharding.Codecs, at + "/configuration/codecs", isBool, key, sink);
                    break;
                case BytesCodec { Endian: Endian.Big } when isBool:
                    sink.Add(ZarrRules.BoolBigEndian, new DiagnosticLocation(key, at + "/configuration/endian"), "endian \"big\" on a bool array; zarrita 0.7.5 byte-swaps bool values under it");
                    break;
            }
        }
    }

    private static ZarrArray? OpenArray(Store store, string path, ArrayMetadata metadata, ValidationOptions options, DiagnosticSink sink)
    {
        try
        {
            return ZarrArray.Open(store, path, metadata, options.Zarr);
        }
        catch (ConformanceException e)
        {
            sink.Add(e);
            return null;
        }
    }

    private static void CheckHierarchy(Dictionary<string, Node> nodes, DiagnosticSink sink)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Node node in nodes.Values)
        {
            for (string parent = Parent(node.Path); node.Path != "/"; parent = Parent(parent))
            {
                if (!nodes.TryGetValue(parent, out Node? ancestor))
                {
                    missing.Add(parent);
                }
                else if (ancestor.Metadata is ArrayMetadata)
                {
                    sink.Add(ZarrRules.ArrayHasChildren, new DiagnosticLocation(NodeName.MetadataKey(node.Path)),
                        $"{node.Path} lies inside the array {parent}; arrays have no children");
                }
                if (parent == "/")
                {
                    break;
                }
            }
        }
        foreach (string path in missing)
        {
            sink.Add(ZarrRules.GroupWithoutMetadata, new DiagnosticLocation(NodeName.MetadataKey(path)),
                path == "/" ? "the store has no root zarr.json" : $"group {path} holds nodes but has no zarr.json of its own");
        }
    }

    /// <summary>Keys with a path segment starting with "__" belong to extensions (core spec, "Node names"), not to the hierarchy.</summary>
    private static bool IsReserved(string key) => key.Split('/').Any(s => s.StartsWith("__", StringComparison.Ordinal));

    private static string Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>
    /// Finds the node a key belongs to and checks it is one of that node's keys; returns the
    /// array and chunk index when it is a chunk key inside the grid.
    /// </summary>
    private static (Node Array, long[] Index)? ClassifyKey(string key, Dictionary<string, Node> nodes, Func<string, bool> claimed, DiagnosticSink sink)
    {
        if (key == MetadataName || key.EndsWith("/" + MetadataName, StringComparison.Ordinal) || IsReserved(key))
        {
            return null;
        }
        string[] segments = key.Split('/');
        for (int depth = segments.Length - 1; depth >= 0; depth--)
        {
            string path = "/" + string.Join('/', segments, 0, depth);
            if (path.Length > 1 && path.EndsWith('/'))
            {
                continue;
            }
            if (!nodes.TryGetValue(depth == 0 ? "/" : path, out Node? node))
            {
                continue;
            }
            string relative = string.Join('/', segments, depth, segments.Length - depth);
            if (IsReserved(relative))
            {
                return null;
            }
            if (node.Metadata is not ArrayMetadata metadata)
            {
                if (node.Metadata is GroupMetadata && !claimed(key))
                {
                    sink.Add(ZarrRules.StrayKey, new DiagnosticLocation(key), $"{key} belongs to no node: it is not under an array and is not a metadata document");
                }
                return null;
            }
            long[]? index = metadata.ChunkKeyEncoding.Decode(relative, metadata.Shape.Length);
            if (index is null)
            {
                sink.Add(ZarrRules.StrayKey, new DiagnosticLocation(key),
                    $"{key} is under the array {node.Path} but is not one of its chunk keys ({metadata.ChunkKeyEncoding.Name} encoding, separator '{metadata.ChunkKeyEncoding.Separator}', {metadata.Shape.Length} dimensions)");
                return null;
            }
            long[] grid = metadata.ChunkGrid.GridShape(metadata.Shape);
            for (int d = 0; d < index.Length; d++)
            {
                if (index[d] >= grid[d])
                {
                    sink.Add(ZarrRules.ChunkOutsideGrid, new DiagnosticLocation(key, Chunk: index),
                        $"chunk [{string.Join(", ", index)}] lies outside the grid [{string.Join(", ", grid)}] of {node.Path}; it is never read");
                    return null;
                }
            }
            return node.Array is null ? null : (node, index);
        }
        if (!IsReserved(key) && !claimed(key))
        {
            sink.Add(ZarrRules.StrayKey, new DiagnosticLocation(key), $"{key} belongs to no node");
        }
        return null;
    }

    /// <summary>Decodes one stored chunk, reporting what is wrong with it; returns its stored size, read whether or not it decodes.</summary>
    private static async Task<long> CheckChunkAsync(Store store, ZarrArray array, string key, long[] index, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        long length = 0;
        try
        {
            using StoreValue? stored = await store.GetAsync(key, null, cancellationToken);
            if (stored is null)
            {
                return 0;
            }
            length = stored.Length;
            array.Pipeline.Check(stored.Memory, key);
            if (array.Pipeline.PartialSharding is ShardingCodec sharding)
            {
                foreach (string overlap in sharding.FindOverlaps(stored.Memory, array.Pipeline.Decoded, key))
                {
                    sink.Add(ZarrRules.ShardingOverlap, new DiagnosticLocation(key, Chunk: index), overlap);
                }
            }
            return stored.Length;
        }
        catch (ConformanceException e)
        {
            DiagnosticLocation location = DiagnosticLocation.FromReader(e.Location);
            sink.Add(e, location with { Chunk = index });
            return length;
        }
    }
}
