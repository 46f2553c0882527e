using System.Text.Json.Nodes;

namespace Conformance.Reference.Model;

/// <summary>
/// A node of the format-neutral hierarchy that every format's reader exposes: a group or an
/// n-d array, with a path and user attributes.
/// </summary>
public abstract class Node
{
    /// <summary>Path from the root, always starting with <c>/</c>; the root's is <c>/</c>.</summary>
    public abstract string Path { get; }

    /// <summary>The last path segment; empty for the root.</summary>
    public string Name => Path == "/" ? "" : Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>User attributes (empty when the node has none).</summary>
    public abstract JsonObject Attributes { get; }
}
