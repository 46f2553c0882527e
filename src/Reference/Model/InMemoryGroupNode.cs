using System.Text.Json.Nodes;

namespace Conformance.Reference.Model;

/// <summary>A group whose children are known up front, for formats read in one piece (surface files).</summary>
public sealed class InMemoryGroupNode(string path, IEnumerable<Node> children, JsonObject? attributes = null) : GroupNode
{
    private readonly Node[] _children = [.. children.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public override string Path { get; } = path;

    public override JsonObject Attributes { get; } = attributes ?? [];

    public override ValueTask<IReadOnlyList<Node>> GetChildrenAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<Node>>(_children);
}
