namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// An array shape of the read suite with its chunk shape, the inner chunk shapes a shard and a
/// shard inside it use, and the chunks left unstored: <see cref="FillChunks"/> hold only the
/// fill value, <see cref="MissingChunks"/> would hold data but are not written, so both read
/// as the fill value.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/chunk-grids/regular-grid/#description"/></remarks>
internal sealed record ReadSuiteShape(string Tag, string Phrase, int[] Shape, int[] ChunkShape, int[] Inner, int[] InnerInner,
    int[][] FillChunks, int[][] MissingChunks)
{
    public int Rank => Shape.Length;

    public int Size => Shape.Aggregate(1, (p, n) => p * n);
}
