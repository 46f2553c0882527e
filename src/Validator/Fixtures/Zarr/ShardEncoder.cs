using System.Numerics;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// sharding_indexed: the inner chunks one after another, then (or before) the encoded index of
/// (offset, nbytes) pairs. Inner chunks whose elements all equal the fill value are left out,
/// their index entry set to 2^64-1 twice.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/sharding-indexed/#binary-shard-format"/></remarks>
internal static class ShardEncoder
{
    /// <summary>An index entry of an inner chunk that is not stored.</summary>
    public const ulong Empty = ulong.MaxValue;

    /// <summary>
    /// Encodes one shard. <paramref name="fill"/> null stores every inner chunk. Layout
    /// <c>reversed-gaps</c> stores the inner chunks last first with three junk bytes before each,
    /// which readers must accept.
    /// </summary>
    public static byte[] Encode(string dataType, int[] shardShape, IReadOnlyList<object> elements, JsonMembers configuration, object? fill, string layout = "c-order")
    {
        int[] inner = Definitions.IntArray(configuration["chunk_shape"]);
        int[] perShard = [.. shardShape.Zip(inner, (s, c) => s / c)];
        int[] strides = ChunkEncoder.CStrides(shardShape);
        var innerCodecs = (IReadOnlyList<object?>)configuration["codecs"]!;
        List<byte[]?> encoded = [];
        foreach (int[] index in ChunkEncoder.Positions(perShard))
        {
            List<object> part = [];
            foreach (int[] within in ChunkEncoder.Positions(inner))
            {
                int[] position = [.. index.Select((i, d) => (i * inner[d]) + within[d])];
                part.Add(elements[ChunkEncoder.Flat(position, strides)]);
            }
            encoded.Add(fill is not null && part.All(e => ElementValues.SameElement(dataType, e, fill))
                ? null
                : ChunkEncoder.Encode(dataType, inner, part, innerCodecs, fill));
        }
        List<int> order = [.. Enumerable.Range(0, encoded.Count)];
        byte[] gap = [];
        if (layout == "reversed-gaps")
        {
            order.Reverse();
            gap = [0xEE, 0xEE, 0xEE];
        }
        var entries = new (ulong Offset, ulong Size)[encoded.Count];
        Array.Fill(entries, (Empty, Empty));
        using var body = new MemoryStream();
        foreach (int i in order)
        {
            if (encoded[i] is not byte[] chunk)
            {
                continue;
            }
            body.Write(gap);
            entries[i] = ((ulong)body.Length, (ulong)chunk.Length);
            body.Write(chunk);
        }
        var indexCodecs = (IReadOnlyList<object?>)configuration["index_codecs"]!;
        int[] indexShape = [.. perShard, 2];
        byte[] IndexBytes(ulong shift) => ChunkEncoder.Encode("uint64", indexShape,
            [.. entries.SelectMany(e => new object[] { new BigInteger(e.Offset == Empty ? Empty : e.Offset + shift), new BigInteger(e.Size) })],
            indexCodecs);
        string location = configuration.Contains("index_location") ? (string)configuration["index_location"]! : "end";
        if (location == "start")
        {
            ulong size = (ulong)IndexBytes(0).Length;
            return [.. IndexBytes(size), .. body.ToArray()];
        }
        return [.. body.ToArray(), .. IndexBytes(0)];
    }
}
