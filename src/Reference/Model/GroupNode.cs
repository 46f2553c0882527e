namespace Conformance.Reference.Model;

/// <summary>A node that may have children.</summary>
public abstract class GroupNode : Node
{
    /// <summary>The direct children, ordered by name (ordinal).</summary>
    public abstract ValueTask<IReadOnlyList<Node>> GetChildrenAsync(CancellationToken cancellationToken = default);
}
