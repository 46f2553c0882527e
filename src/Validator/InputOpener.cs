using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator;

/// <summary>Finds the format of a path given on the command line and opens its root node.</summary>
public static class InputOpener
{
    public static async ValueTask<Node> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, "zarr.json")))
            {
                return await ZarrHierarchy.OpenAsync(new DirectoryStore(path, readOnly: true), "/", ZarrOptions.Default, cancellationToken);
            }
            if (File.Exists(Path.Combine(path, ".zarray")) || File.Exists(Path.Combine(path, ".zgroup")))
            {
                throw new ConformanceException(ZarrRules.ZarrFormat, path, "this is a Zarr v2 store; only Zarr v3 is supported", Outcome.Unsupported);
            }
            throw new UsageException($"{path} is a directory without zarr.json: not a Zarr v3 store");
        }
        throw new UsageException(File.Exists(path)
            ? $"{path}: no supported format recognised (Zarr v3 stores are directories)"
            : $"{path} does not exist");
    }

    /// <summary>The node at <paramref name="nodePath"/> below <paramref name="root"/>.</summary>
    public static async ValueTask<Node> FindAsync(Node root, string nodePath, CancellationToken cancellationToken = default)
    {
        string[] segments = nodePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Node current = root;
        foreach (string segment in segments)
        {
            if (current is not GroupNode group)
            {
                throw new UsageException($"{current.Path} is an array; it has no child '{segment}'");
            }
            IReadOnlyList<Node> children = await group.GetChildrenAsync(cancellationToken);
            current = children.FirstOrDefault(c => c.Name == segment)
                ?? throw new UsageException($"{group.Path} has no child '{segment}'");
            if (current is UnreadableNode unreadable)
            {
                throw unreadable.Error;
            }
        }
        return current;
    }
}
