namespace Conformance.Reference.Zarr;

/// <summary>
/// The chunks of a regular grid that a box of the array touches, each with the part of the
/// box inside it: where that part starts in the chunk and in the box, and its extent.
/// </summary>
internal sealed class ChunkSelection
{
    private ChunkSelection(long[] index, int[] chunkStart, int[] regionStart, int[] extent, bool coversChunk)
    {
        Index = index;
        ChunkStart = chunkStart;
        RegionStart = regionStart;
        Extent = extent;
        CoversChunk = coversChunk;
    }

    public long[] Index { get; }

    public int[] ChunkStart { get; }

    public int[] RegionStart { get; }

    public int[] Extent { get; }

    /// <summary>True when the box covers every element of the chunk that lies inside the array.</summary>
    public bool CoversChunk { get; }

    /// <summary>True when part of the chunk lies beyond the array's far edge.</summary>
    public bool Overhangs { get; private init; }

    /// <summary>Number of chunks the box touches, saturating.</summary>
    public static long CountOf(long[] chunkShape, ReadOnlySpan<long> start, ReadOnlySpan<long> extent)
    {
        long count = 1;
        for (int d = 0; d < chunkShape.Length; d++)
        {
            if (extent[d] == 0)
            {
                return 0;
            }
            long n = (start[d] + extent[d] - 1) / chunkShape[d] - start[d] / chunkShape[d] + 1;
            count = count > long.MaxValue / n ? long.MaxValue : count * n;
        }
        return count;
    }

    /// <summary>
    /// The chunks the box touches, in C order of their grid index, made one at a time so a box
    /// over millions of chunks costs no memory up front.
    /// </summary>
    public static IEnumerable<ChunkSelection> Of(IReadOnlyList<long> arrayShape, long[] chunkShape, long[] start, long[] extent)
    {
        int rank = chunkShape.Length;
        long[] first = new long[rank];
        long[] last = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            if (extent[d] == 0)
            {
                yield break;
            }
            first[d] = start[d] / chunkShape[d];
            last[d] = (start[d] + extent[d] - 1) / chunkShape[d];
        }
        long[] index = (long[])first.Clone();
        while (true)
        {
            int[] chunkStart = new int[rank];
            int[] regionStart = new int[rank];
            int[] boxExtent = new int[rank];
            bool covers = true;
            bool overhangs = false;
            for (int d = 0; d < rank; d++)
            {
                long origin = index[d] * chunkShape[d];
                long from = Math.Max(start[d], origin);
                long to = Math.Min(start[d] + extent[d], origin + chunkShape[d]);
                chunkStart[d] = (int)(from - origin);
                regionStart[d] = (int)(from - start[d]);
                boxExtent[d] = (int)(to - from);
                long inArray = Math.Min(chunkShape[d], arrayShape[d] - origin);
                covers &= from == origin && to - from == inArray;
                overhangs |= inArray < chunkShape[d];
            }
            yield return new ChunkSelection((long[])index.Clone(), chunkStart, regionStart, boxExtent, covers) { Overhangs = overhangs };
            int k = rank - 1;
            for (; k >= 0; k--)
            {
                if (++index[k] <= last[k])
                {
                    break;
                }
                index[k] = first[k];
            }
            if (k < 0)
            {
                yield break;
            }
        }
    }
}
