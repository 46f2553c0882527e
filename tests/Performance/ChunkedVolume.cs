using System.Globalization;

namespace Conformance.Performance;

/// <summary>
/// The regular chunk grid of a 3-d C-order volume, for the floor benchmarks: each chunk's key
/// under the <c>default</c> chunk key encoding (<c>c/i/j/k</c>), and the row copies between
/// the volume and a chunk's contiguous C-order bytes (what the <c>bytes</c> codec holds).
/// </summary>
internal sealed class ChunkedVolume
{
    private readonly int[] _shape;
    private readonly int[] _chunkShape;
    private readonly int[][] _origins;
    private readonly int _elementSize;

    public ChunkedVolume(int[] shape, int[] chunkShape, int elementSize)
    {
        if (shape.Length != 3 || chunkShape.Length != 3)
        {
            throw new ArgumentException("the benchmark volume has three dimensions", nameof(shape));
        }
        int[] grid = new int[3];
        for (int d = 0; d < 3; d++)
        {
            if (shape[d] % chunkShape[d] != 0)
            {
                throw new ArgumentException("the benchmark volume must be a whole number of chunks", nameof(chunkShape));
            }
            grid[d] = shape[d] / chunkShape[d];
        }
        _shape = shape;
        _chunkShape = chunkShape;
        _elementSize = elementSize;
        int count = grid[0] * grid[1] * grid[2];
        _origins = new int[count][];
        Keys = new string[count];
        for (int c = 0; c < count; c++)
        {
            int[] index = [c / (grid[1] * grid[2]), c / grid[2] % grid[1], c % grid[2]];
            _origins[c] = [index[0] * chunkShape[0], index[1] * chunkShape[1], index[2] * chunkShape[2]];
            Keys[c] = string.Create(CultureInfo.InvariantCulture, $"c/{index[0]}/{index[1]}/{index[2]}");
        }
        ChunkBytes = chunkShape[0] * chunkShape[1] * chunkShape[2] * elementSize;
    }

    /// <summary>Chunk keys in chunk-grid C order, such as <c>c/0/3/7</c>.</summary>
    public string[] Keys { get; }

    public int Count => Keys.Length;

    public int ChunkBytes { get; }

    /// <summary>Copies chunk <paramref name="chunk"/> out of <paramref name="volume"/> into <paramref name="target"/>, row by row.</summary>
    public void Gather(ReadOnlySpan<byte> volume, int chunk, Span<byte> target)
    {
        int row = _chunkShape[2] * _elementSize;
        int chunkOffset = 0;
        for (int z = 0; z < _chunkShape[0]; z++)
        {
            for (int y = 0; y < _chunkShape[1]; y++)
            {
                volume.Slice(RowOffset(chunk, z, y), row).CopyTo(target.Slice(chunkOffset, row));
                chunkOffset += row;
            }
        }
    }

    /// <summary>Copies chunk <paramref name="chunk"/>'s bytes in <paramref name="source"/> into their place in <paramref name="volume"/>.</summary>
    public void Scatter(ReadOnlySpan<byte> source, int chunk, Span<byte> volume)
    {
        int row = _chunkShape[2] * _elementSize;
        int chunkOffset = 0;
        for (int z = 0; z < _chunkShape[0]; z++)
        {
            for (int y = 0; y < _chunkShape[1]; y++)
            {
                source.Slice(chunkOffset, row).CopyTo(volume.Slice(RowOffset(chunk, z, y), row));
                chunkOffset += row;
            }
        }
    }

    /// <summary>Every chunk's bytes, each in its own array.</summary>
    public byte[][] Split(ReadOnlySpan<byte> volume)
    {
        byte[][] chunks = new byte[Count][];
        for (int c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new byte[ChunkBytes];
            Gather(volume, c, chunks[c]);
        }
        return chunks;
    }

    // Byte offset in the volume of row (z, y) of the chunk: a run along the last dimension.
    private int RowOffset(int chunk, int z, int y)
    {
        int[] origin = _origins[chunk];
        return (((origin[0] + z) * _shape[1] + origin[1] + y) * _shape[2] + origin[2]) * _elementSize;
    }
}
