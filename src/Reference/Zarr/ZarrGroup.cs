using System.Text.Json.Nodes;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Zarr;

/// <summary>A Zarr v3 group in a store (core spec, "Group metadata").</summary>
public sealed class ZarrGroup : GroupNode
{
    private ZarrGroup(Store store, string path, GroupMetadata metadata, ZarrOptions options)
    {
        Store = store;
        Path = path;
        Metadata = metadata;
        Options = options;
    }

    public Store Store { get; }

    public override string Path { get; }

    public GroupMetadata Metadata { get; }

    public ZarrOptions Options { get; }

    public override JsonObject Attributes => Metadata.Attributes;

    public static async ValueTask<ZarrGroup> OpenAsync(Store store, string path = "/", ZarrOptions? options = null, CancellationToken cancellationToken = default)
    {
        return await ZarrHierarchy.OpenAsync(store, path, options, cancellationToken) switch
        {
            ZarrGroup group => group,
            _ => throw new ConformanceException(ZarrRules.NodeType, NodeName.MetadataKey(NodeName.CheckPath(path)), $"{path} is an array, not a group"),
        };
    }

    /// <summary>
    /// Creates a group (core spec, "Create a group"): writes its metadata and group metadata for
    /// any ancestor that has none. An existing node is replaced only when <paramref name="overwrite"/> is set.
    /// </summary>
    public static async ValueTask<ZarrGroup> CreateAsync(Store store, string path = "/", GroupMetadata? metadata = null, ZarrOptions? options = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        path = NodeName.CheckPath(path);
        metadata ??= new GroupMetadata();
        await ZarrHierarchy.PrepareNodeAsync(store, path, overwrite, cancellationToken);
        await store.SetAsync(NodeName.MetadataKey(path), metadata.ToJson(), cancellationToken);
        return new ZarrGroup(store, path, metadata, options ?? ZarrOptions.Default);
    }

    internal static ZarrGroup FromMetadata(Store store, string path, GroupMetadata metadata, ZarrOptions options) => new(store, path, metadata, options);

    public ValueTask<ZarrGroup> CreateGroupAsync(string name, GroupMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        CreateAsync(Store, ChildPath(name), metadata, Options, cancellationToken: cancellationToken);

    public ValueTask<ZarrArray> CreateArrayAsync(string name, ArrayMetadata metadata, CancellationToken cancellationToken = default) =>
        ZarrArray.CreateAsync(Store, ChildPath(name), metadata, Options, cancellationToken: cancellationToken);

    /// <summary>
    /// The children (core spec, "Discover children of a group"): each prefix under the group
    /// that does not start with "__" and holds a <c>zarr.json</c>. With
    /// <see cref="ZarrOptions.UseConsolidatedMetadata"/> and consolidated metadata present, the
    /// children come from it and the store is not listed. A child whose metadata cannot be
    /// opened is listed as an <see cref="UnreadableNode"/>. On a store that cannot list
    /// (<see cref="Store.IsListable"/> false, e.g. HTTP) the children come from consolidated
    /// metadata whatever the option says, and without it this throws
    /// <see cref="ZarrRules.ChildrenNotListable"/> (unsupported): the spec leaves discovery to
    /// "some other means" there.
    /// </summary>
    public override async ValueTask<IReadOnlyList<Node>> GetChildrenAsync(CancellationToken cancellationToken = default)
    {
        if (Metadata.Consolidated is not null && (Options.UseConsolidatedMetadata || !Store.IsListable))
        {
            return ChildrenFromConsolidated(Metadata.Consolidated);
        }
        if (!Store.IsListable)
        {
            throw new ConformanceException(ZarrRules.ChildrenNotListable, NodeName.MetadataKey(Path), "the store cannot list its keys and the group has no consolidated metadata, so its children cannot be discovered", Outcome.Unsupported);
        }
        StoreListing listing = await Store.ListDirAsync(NodeName.Prefix(Path), cancellationToken);
        var children = new List<Node>();
        foreach (string prefix in listing.Prefixes)
        {
            string name = prefix[..^1];
            name = name[(name.LastIndexOf('/') + 1)..];
            if (name.StartsWith("__", StringComparison.Ordinal) || NodeName.Problem(name) is not null)
            {
                continue;
            }
            string path = ChildPath(name);
            try
            {
                if (await ZarrHierarchy.TryOpenAsync(Store, path, Options, cancellationToken) is Node child)
                {
                    children.Add(child);
                }
            }
            catch (ConformanceException e)
            {
                children.Add(new UnreadableNode(path, e));
            }
        }
        return children;
    }

    private List<Node> ChildrenFromConsolidated(ConsolidatedMetadata consolidated)
    {
        var children = new List<Node>();
        foreach ((string relative, NodeMetadata metadata) in consolidated.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }
            string path = ChildPath(relative);
            children.Add(metadata switch
            {
                ArrayMetadata array => ZarrArray.FromMetadata(Store, path, array, Options),
                GroupMetadata group => FromMetadata(Store, path, WithDescendants(group, consolidated, relative + "/"), Options),
                _ => throw new InvalidOperationException("unknown node kind"),
            });
        }
        return children;
    }

    // zarr-python consolidates a whole hierarchy at its root; a child group then takes its
    // descendants' entries from there unless it carries consolidated metadata of its own.
    private static GroupMetadata WithDescendants(GroupMetadata group, ConsolidatedMetadata root, string prefix)
    {
        if (group.Consolidated is { Metadata.Count: > 0 })
        {
            return group;
        }
        var descendants = root.Metadata
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
        return new GroupMetadata
        {
            Attributes = group.Attributes,
            ExtraFields = group.ExtraFields,
            Consolidated = new ConsolidatedMetadata(descendants),
        };
    }

    private string ChildPath(string name) => NodeName.CheckPath(NodeName.Child(Path, name));
}
