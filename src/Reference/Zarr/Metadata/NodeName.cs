namespace Conformance.Reference.Zarr.Metadata;

/// <summary>The core spec's constraints on node names ("Node names").</summary>
public static class NodeName
{
    /// <summary>Why <paramref name="name"/> is not a valid node name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "a node name must not be empty";
        }
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return "a node name must not contain '/'";
        }
        if (!name.AsSpan().ContainsAnyExcept('.'))
        {
            return "a node name must not consist of periods only";
        }
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return "names starting with '__' are reserved";
        }
        if (name == "zarr.json")
        {
            return "'zarr.json' is not a node name";
        }
        return null;
    }

    /// <summary>
    /// Checks each segment of a hierarchy path ("/" or "/a/b") and returns its canonical form;
    /// a path without the leading "/" is taken as relative to the root.
    /// </summary>
    public static string CheckPath(string path)
    {
        string trimmed = path.Trim('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }
        foreach (string segment in trimmed.Split('/'))
        {
            if (Problem(segment) is string problem)
            {
                throw new ConformanceException(ZarrRules.NodeName, path, $"'{segment}': {problem}");
            }
        }
        return "/" + trimmed;
    }

    /// <summary>The key prefix of the node at a canonical path: "" for the root, else "a/b/".</summary>
    public static string Prefix(string path) => path == "/" ? "" : path[1..] + "/";

    /// <summary>The metadata key of the node at a canonical path.</summary>
    public static string MetadataKey(string path) => Prefix(path) + "zarr.json";

    /// <summary>The path of a child named <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;
}
