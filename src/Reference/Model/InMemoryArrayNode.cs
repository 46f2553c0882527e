using System.Text.Json.Nodes;

namespace Conformance.Reference.Model;

/// <summary>
/// An array held whole in memory, for formats read in one piece (surface files): regions are
/// copied out of it. The node owns <see cref="Data"/>.
/// </summary>
public sealed class InMemoryArrayNode(string path, NdArray data, IReadOnlyList<string?>? dimensionNames = null, JsonObject? attributes = null, IReadOnlyList<string>? encoding = null) : ArrayNode
{
    public override string Path { get; } = path;

    public override JsonObject Attributes { get; } = attributes ?? [];

    public NdArray Data { get; } = data;

    public override IReadOnlyList<long> Shape { get; } = [.. data.Shape.Select(n => (long)n)];

    public override ElementType ElementType => Data.ElementType;

    public override IReadOnlyList<long>? ChunkShape => null;

    public override IReadOnlyList<string> Encoding { get; } = encoding ?? [];

    public override IReadOnlyList<string?>? DimensionNames { get; } = dimensionNames;

    public override ReadOnlyMemory<byte> FillValue { get; } = new byte[data.ElementType.Size];

    public override ValueTask<NdArray> ReadAsync(ReadOnlyMemory<long> start, ReadOnlyMemory<long> extent, CancellationToken cancellationToken = default)
    {
        int rank = Data.Rank;
        if (start.Length != rank || extent.Length != rank)
        {
            throw new ArgumentException($"a region of a {rank}-d array has {rank} starts and extents");
        }
        int[] from = new int[rank];
        int[] size = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            long s = start.Span[d];
            long e = extent.Span[d];
            if (s < 0 || e < 0 || s + e > Data.Shape[d])
            {
                throw new ArgumentOutOfRangeException(nameof(extent), $"the region leaves the array along dimension {d}");
            }
            from[d] = (int)s;
            size[d] = (int)e;
        }
        NdArray region = NdArray.Create(ElementType, size);
        NdArray.CopyRegion(Data, from, region, new int[rank], size);
        return ValueTask.FromResult(region);
    }
}
