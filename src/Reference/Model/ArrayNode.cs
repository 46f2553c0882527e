namespace Conformance.Reference.Model;

/// <summary>An n-d array node: shape, element type, chunking and the means to read regions.</summary>
public abstract class ArrayNode : Node
{
    /// <summary>Length of each dimension; empty for a 0-d array.</summary>
    public abstract IReadOnlyList<long> Shape { get; }

    public abstract ElementType ElementType { get; }

    /// <summary>Shape of the storage chunks, or null when the data is not chunked.</summary>
    public abstract IReadOnlyList<long>? ChunkShape { get; }

    /// <summary>Short descriptions of the encoding steps, outermost (closest to the elements) first.</summary>
    public abstract IReadOnlyList<string> Encoding { get; }

    /// <summary>Names of the dimensions, null entries for unnamed ones; null when none are named.</summary>
    public abstract IReadOnlyList<string?>? DimensionNames { get; }

    /// <summary>The value of elements never written (little-endian bytes, or the variable-length value).</summary>
    public abstract ReadOnlyMemory<byte> FillValue { get; }

    /// <summary>Reads the box of <paramref name="extent"/> elements that starts at <paramref name="start"/>.</summary>
    public abstract ValueTask<NdArray> ReadAsync(ReadOnlyMemory<long> start, ReadOnlyMemory<long> extent, CancellationToken cancellationToken = default);
}
