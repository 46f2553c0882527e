using Conformance.Reference.Model;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance cat</c>: an array's elements in C order, one per line, each in the JSON form
/// Zarr uses for fill values of its type. The array is read in slabs along its first
/// dimension, so memory stays bounded whatever the array's size.
/// </summary>
public static class CatCommand
{
    /// <summary>About how many bytes of elements one slab holds.</summary>
    public const long SlabBytes = 64L << 20;

    public static async Task WriteAsync(Node node, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (node is not ArrayNode array)
        {
            throw new UsageException($"{node.Path} is a group; name an array with --array");
        }
        using var lines = new ElementLines(output);
        IReadOnlyList<long> shape = array.Shape;
        if (shape.Count == 0)
        {
            using NdArray scalar = await array.ReadAsync(Array.Empty<long>(), Array.Empty<long>(), cancellationToken);
            await lines.WriteAsync(scalar, cancellationToken);
            return;
        }
        long rowElements = 1;
        for (int d = 1; d < shape.Count; d++)
        {
            rowElements = checked(rowElements * shape[d]);
        }
        long rowBytes = Math.Max(1, rowElements * Math.Max(array.ElementType.Size, 16));
        long step = Math.Max(1, SlabBytes / rowBytes);
        if (array.ChunkShape is { } chunks && step > chunks[0])
        {
            // Whole chunk rows per slab, so each chunk is decoded once per slab it meets.
            step -= step % chunks[0];
        }
        long[] start = new long[shape.Count];
        long[] extent = [.. shape];
        for (long row = 0; row < shape[0]; row += step)
        {
            start[0] = row;
            extent[0] = Math.Min(step, shape[0] - row);
            using NdArray slab = await array.ReadAsync(start, extent, cancellationToken);
            await lines.WriteAsync(slab, cancellationToken);
        }
    }
}
