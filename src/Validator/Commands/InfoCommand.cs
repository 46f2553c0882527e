using System.Globalization;
using System.Text;
using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Model;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance info</c>: the hierarchy as a tree, with each array's shape, element type,
/// chunk shape, fill value, encoding and dimension names.
/// </summary>
public static class InfoCommand
{
    public static async Task WriteAsync(Node root, TextWriter output, CancellationToken cancellationToken = default)
    {
        await output.WriteLineAsync(Describe(root, "/"));
        if (root is GroupNode group)
        {
            await WriteChildrenAsync(group, "", output, cancellationToken);
        }
    }

    private static async Task WriteChildrenAsync(GroupNode group, string indent, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<Node> children;
        try
        {
            children = await group.GetChildrenAsync(cancellationToken);
        }
        catch (ConformanceException e)
        {
            // Like a child that cannot be opened: say why, and go on with the rest of the tree.
            await output.WriteLineAsync($"{indent}└── (children not listed)  {Cli.Kind(e.Outcome)} {e.RuleId}: {e.Message}");
            return;
        }
        for (int i = 0; i < children.Count; i++)
        {
            bool last = i == children.Count - 1;
            Node child = children[i];
            await output.WriteLineAsync(indent + (last ? "└── " : "├── ") + Describe(child, child.Name));
            if (child is GroupNode childGroup)
            {
                await WriteChildrenAsync(childGroup, indent + (last ? "    " : "│   "), output, cancellationToken);
            }
        }
    }

    /// <summary>One line for a node.</summary>
    public static string Describe(Node node, string name)
    {
        var line = new StringBuilder(name);
        if (node is ArrayNode array)
        {
            line.Append("  array ").Append(array.ElementType)
                .Append(" shape ").Append(Tuple(array.Shape));
            if (array.ChunkShape is { } chunks)
            {
                line.Append(" chunks ").Append(Tuple(chunks));
            }
            line.Append(" fill ").Append(Json(array.ElementType, array.FillValue.Span));
            if (array.Encoding.Count > 0)
            {
                line.Append(" codecs ").Append(string.Join(" | ", array.Encoding));
            }
            if (array.DimensionNames is { } names)
            {
                line.Append(" dims ").Append('[').Append(string.Join(", ", names.Select(n => n ?? "null"))).Append(']');
            }
        }
        else if (node is UnreadableNode unreadable)
        {
            line.Append(unreadable.Error.Outcome == Outcome.Invalid ? "  invalid " : "  " + Cli.Kind(unreadable.Error.Outcome) + " ")
                .Append(unreadable.Error.RuleId).Append(": ").Append(unreadable.Error.Message);
        }
        else
        {
            line.Append("  group");
        }
        if (node.Attributes.Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" attrs {node.Attributes.Count}");
        }
        return line.ToString();
    }

    private static string Tuple(IEnumerable<long> values) => "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Json(ElementType type, ReadOnlySpan<byte> element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ElementLines.WriterOptions))
        {
            ElementJson.Write(writer, type, element);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
