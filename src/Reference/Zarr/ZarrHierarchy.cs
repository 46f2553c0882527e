using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Zarr;

/// <summary>Opening nodes by path, and the hierarchy-wide operations (core spec, "Storage").</summary>
public static class ZarrHierarchy
{
    /// <summary>Opens the array or group at <paramref name="path"/>.</summary>
    public static async ValueTask<Node> OpenAsync(Store store, string path = "/", ZarrOptions? options = null, CancellationToken cancellationToken = default)
    {
        string canonical = NodeName.CheckPath(path);
        return await TryOpenAsync(store, canonical, options ?? ZarrOptions.Default, cancellationToken)
            ?? throw new ConformanceException(ZarrRules.MetadataMissing, NodeName.MetadataKey(canonical), $"there is no zarr.json for {canonical}");
    }

    /// <summary>Reads and parses the metadata of the node at a canonical path; null when it has none.</summary>
    public static async ValueTask<NodeMetadata?> ReadMetadataAsync(Store store, string path, ZarrOptions options, CancellationToken cancellationToken = default)
    {
        string key = NodeName.MetadataKey(path);
        using StoreValue? value = await ReadDocumentAsync(store, key, options, cancellationToken);
        return value is null ? null : NodeMetadata.Parse(value.Memory, key, options);
    }

    /// <summary>
    /// Reads a node's metadata document like <see cref="ReadMetadataAsync"/>, but collects every
    /// problem it finds into <paramref name="problems"/> instead of throwing the first. Found is
    /// false when the store holds no document at the path; Metadata is null when it is broken.
    /// </summary>
    public static async ValueTask<(bool Found, NodeMetadata? Metadata)> CheckMetadataAsync(Store store, string path, ZarrOptions options, List<ConformanceException> problems, CancellationToken cancellationToken = default)
    {
        string key = NodeName.MetadataKey(path);
        try
        {
            using StoreValue? value = await ReadDocumentAsync(store, key, options, cancellationToken);
            return value is null ? (false, null) : (true, NodeMetadata.Check(value.Memory, key, options, problems));
        }
        catch (ConformanceException e)
        {
            problems.Add(e);
            return (true, null);
        }
    }

    private static async ValueTask<StoreValue?> ReadDocumentAsync(Store store, string key, ZarrOptions options, CancellationToken cancellationToken)
    {
        StoreValue? value = await store.GetAsync(key, null, cancellationToken);
        if (value is not null && value.Length > options.MaxMetadataBytes)
        {
            long length = value.Length;
            value.Dispose();
            throw new ConformanceException(ZarrRules.MetadataTooLarge, key, $"{length} bytes of metadata exceed the limit of {options.MaxMetadataBytes}", Outcome.Unsupported);
        }
        return value;
    }

    internal static async ValueTask<Node?> TryOpenAsync(Store store, string path, ZarrOptions options, CancellationToken cancellationToken)
    {
        return await ReadMetadataAsync(store, path, options, cancellationToken) switch
        {
            null => null,
            ArrayMetadata array => ZarrArray.FromMetadata(store, path, array, options),
            GroupMetadata group => ZarrGroup.FromMetadata(store, path, group, options),
            _ => throw new InvalidOperationException("unknown node kind"),
        };
    }

    /// <summary>
    /// Makes room for a new node: refuses (or, with <paramref name="overwrite"/>, erases) an
    /// existing one, and gives every ancestor without metadata an empty group's.
    /// </summary>
    internal static async ValueTask PrepareNodeAsync(Store store, string path, bool overwrite, CancellationToken cancellationToken)
    {
        string key = NodeName.MetadataKey(path);
        if (await store.ExistsAsync(key, cancellationToken))
        {
            if (!overwrite)
            {
                throw new InvalidOperationException($"a node already exists at {path}");
            }
            await store.ErasePrefixAsync(NodeName.Prefix(path), cancellationToken);
            await store.EraseAsync(key, cancellationToken);
        }
        string parent = path;
        while (parent != "/")
        {
            parent = parent[..parent.LastIndexOf('/')];
            parent = parent.Length == 0 ? "/" : parent;
            string parentKey = NodeName.MetadataKey(parent);
            if (!await store.ExistsAsync(parentKey, cancellationToken))
            {
                await store.SetAsync(parentKey, new GroupMetadata().ToJson(), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Writes consolidated metadata into the group at <paramref name="path"/>: the metadata of
    /// every descendant, by path relative to the group, found by listing the store.
    /// </summary>
    public static async ValueTask<ZarrGroup> ConsolidateAsync(Store store, string path = "/", ZarrOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ZarrOptions.Default;
        ZarrGroup group = await ZarrGroup.OpenAsync(store, path, options with { UseConsolidatedMetadata = false }, cancellationToken);
        var entries = new Dictionary<string, NodeMetadata>(StringComparer.Ordinal);
        string root = group.Path == "/" ? "" : group.Path;
        var pending = new Stack<ZarrGroup>([group]);
        while (pending.TryPop(out ZarrGroup? current))
        {
            foreach (Node child in await current.GetChildrenAsync(cancellationToken))
            {
                string relative = child.Path[(root.Length + 1)..];
                switch (child)
                {
                    case ZarrArray array:
                        entries[relative] = array.Metadata;
                        break;
                    case ZarrGroup childGroup:
                        entries[relative] = new GroupMetadata { Attributes = childGroup.Metadata.Attributes, ExtraFields = childGroup.Metadata.ExtraFields };
                        pending.Push(childGroup);
                        break;
                }
            }
        }
        var consolidated = new GroupMetadata
        {
            Attributes = group.Metadata.Attributes,
            ExtraFields = group.Metadata.ExtraFields,
            Consolidated = new ConsolidatedMetadata(entries),
        };
        await store.SetAsync(NodeName.MetadataKey(group.Path), consolidated.ToJson(), cancellationToken);
        return ZarrGroup.FromMetadata(store, group.Path, consolidated, options);
    }
}
