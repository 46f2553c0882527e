using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.ChunkGrids;

/// <summary>
/// The <c>regular</c> chunk grid (chunk-grids/regular-grid): equal chunks of
/// <see cref="ChunkShape"/> aligned at the origin, overhanging the array's far edges.
/// </summary>
public sealed class RegularChunkGrid
{
    public RegularChunkGrid(IReadOnlyList<long> chunkShape)
    {
        foreach (long n in chunkShape)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(chunkShape));
        }
        ChunkShape = [.. chunkShape];
    }

    public long[] ChunkShape { get; }

    /// <summary>Parses a <c>chunk_grid</c> against an array of <paramref name="rank"/> dimensions.</summary>
    public static RegularChunkGrid Parse(ExtensionObject definition, int rank, string location)
    {
        if (!definition.MustUnderstand)
        {
            throw new ConformanceException(ZarrRules.MustUnderstandNotAllowed, location, "must_understand: false is not allowed for a chunk grid");
        }
        if (definition.Name != "regular")
        {
            throw new ConformanceException(ZarrRules.UnknownChunkGrid, location, $"chunk grid '{definition.Name}' is not supported", Outcome.Unsupported);
        }
        var configuration = new Configuration(definition, location, ZarrRules.RegularChunkShape);
        configuration.RejectUnknown("chunk_shape");
        long[] shape = configuration.GetIntegerArray("chunk_shape", required: true)!;
        if (shape.Length != rank)
        {
            throw configuration.Fail("chunk_shape", $"chunk_shape has {shape.Length} dimensions, the array {rank}");
        }
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 1)
            {
                throw configuration.Fail($"chunk_shape/{i}", "chunk lengths must be greater than zero");
            }
        }
        return new RegularChunkGrid(shape);
    }

    /// <summary>Number of chunks along each dimension: ceil(shape / chunk shape).</summary>
    public long[] GridShape(IReadOnlyList<long> arrayShape)
    {
        long[] grid = new long[ChunkShape.Length];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = (arrayShape[i] / ChunkShape[i]) + (arrayShape[i] % ChunkShape[i] == 0 ? 0 : 1);
        }
        return grid;
    }

    public ExtensionObject ToDefinition() => new("regular", new JsonObject
    {
        ["chunk_shape"] = new JsonArray([.. ChunkShape.Select(n => (JsonNode)n)]),
    });
}
