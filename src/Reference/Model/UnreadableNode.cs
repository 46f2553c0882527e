using System.Text.Json.Nodes;

namespace Conformance.Reference.Model;

/// <summary>
/// A child that a group listing found but could not open (invalid or unsupported metadata).
/// Listing goes on past it; whoever needs the node gets <see cref="Error"/>.
/// </summary>
public sealed class UnreadableNode(string path, ConformanceException error) : Node
{
    public override string Path { get; } = path;

    public override JsonObject Attributes { get; } = [];

    public ConformanceException Error { get; } = error;
}
