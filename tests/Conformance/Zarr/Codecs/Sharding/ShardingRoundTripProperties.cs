using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Codecs.Sharding;

/// <summary>
/// Random shard and inner-chunk layouts (ragged array edges, nested shards, index at start or
/// end, with and without crc32c, codecs around the sharding codec) and random inner codec
/// chains: written, reopened from their metadata, then read whole and in part, and patched.
/// </summary>
public sealed class ShardingRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(120);

    public sealed record Case(ArrayMetadata Metadata, NdArray Data, int[] Start, int[] Extent)
    {
        public override string ToString() =>
            $"{Metadata.DataType} shape [{string.Join(",", Metadata.Shape)}] shards [{string.Join(",", Metadata.ChunkGrid.ChunkShape)}] " +
            $"codecs {string.Join(" | ", Metadata.Codecs.Select(c => c.ToDefinition().ToJson().ToJsonString()))} box [{string.Join(",", Start)}]+[{string.Join(",", Extent)}]";
    }

    private static readonly ICodec[][] IndexChains =
    [
        [BytesCodec.Little],
        [BytesCodec.Little, Crc32cCodec.Instance],
        [BytesCodec.Big, Crc32cCodec.Instance],
    ];

    private static Gen<ShardingCodec> Sharding(ZarrDataType type, int[] inner, bool nest) =>
        from chain in Generators.Chain(type, inner.Length)
        from nested in nest
            ? Gen.CollectToArray(inner.Select(n => Gen.Elements(Divisors(n)))).SelectMany(shape => Sharding(type, shape, false)).Select(s => (ICodec[]?)[s])
            : Gen.Constant<ICodec[]?>(null)
        from useNested in Gen.Elements(true, false, false)
        from index in Gen.Elements(IndexChains)
        from location in Gen.Elements(ShardIndexLocation.Start, ShardIndexLocation.End)
        select new ShardingCodec([.. inner.Select(n => (long)n)], useNested && nested is not null ? nested : chain, index, location);

    private static int[] Divisors(int n) => [.. Enumerable.Range(1, n).Where(d => n % d == 0)];

    private static Gen<Case> Cases =>
        from type in Generators.DataType
        from rank in Gen.Choose(0, 3)
        from inner in Gen.Choose(1, 4).ArrayOf(rank)
        from multiples in Gen.Choose(1, 3).ArrayOf(rank)
        from order in Gen.Elements(true, false, false).SelectMany(t => t ? Generators.Permutation(rank).Select(p => (int[]?)p) : Gen.Constant<int[]?>(null))
        let shard = Shard(inner, multiples, order)
        from shape in Gen.CollectToArray(shard.Select(n => Gen.Choose(0, (int)n * 2 + 1)))
        from sharding in Sharding(type, inner, nest: true)
        from after in Gen.Elements<ICodec[]>([], [], [Crc32cCodec.Instance])
        from fill in Generators.Element(type)
        from data in Generators.Array(type, shape)
        from start in Gen.CollectToArray(shape.Select(n => Gen.Choose(0, n)))
        from extent in Gen.CollectToArray(shape.Select((n, d) => Gen.Choose(0, n - start[d])))
        select new Case(
            new ArrayMetadata([.. shape.Select(n => (long)n)], type, new RegularChunkGrid(shard),
                [.. order is null ? [] : new ICodec[] { new TransposeCodec(order) }, sharding, .. after], fill),
            data, start, extent);

    /// <summary>
    /// The array's chunk (shard) shape whose encoded form after a transpose by
    /// <paramref name="order"/> is a whole number of inner chunks: B[i] = A[order[i]].
    /// </summary>
    private static long[] Shard(int[] inner, int[] multiples, int[]? order)
    {
        long[] shard = new long[inner.Length];
        for (int i = 0; i < inner.Length; i++)
        {
            shard[order?[i] ?? i] = (long)inner[i] * multiples[i];
        }
        return shard;
    }

    private static ZarrArray Write(Case c, Store store)
    {
        ZarrArray array = Sync.Run(ZarrArray.CreateAsync(store, "/a", c.Metadata, new ZarrOptions { MaxDegreeOfParallelism = 2 }));
        Sync.Run(array.WriteAllAsync(c.Data));
        return Sync.Run(ZarrArray.OpenAsync(store, "/a"));
    }

    [Test]
    public void Sharded_arrays_read_back_equal_whole_and_in_part() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            ZarrArray array = Write(c, new MemoryStore());
            using NdArray whole = Sync.Run(array.ReadAllAsync());
            using NdArray part = Sync.Run(array.ReadAsync(c.Start.Select(n => (long)n).ToArray(), c.Extent.Select(n => (long)n).ToArray()));
            return NdArrays.Equal(c.Data, whole) && NdArrays.Equal(NdArrays.Slice(c.Data, c.Start, c.Extent), part);
        }).Check(Config);

    [Test]
    public void Writing_part_of_a_sharded_array_changes_exactly_that_part() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            ZarrArray array = Write(c, new MemoryStore());
            NdArray patch = NdArray.Create(c.Data.ElementType, c.Extent);
            patch.Fill(c.Metadata.FillValue);
            if (patch.Count > 0)
            {
                NdArray.CopyRegion(NdArrays.Slice(c.Data, new int[c.Start.Length], c.Extent), new int[c.Start.Length], patch, new int[c.Start.Length], c.Extent);
            }
            Sync.Run(array.WriteAsync(c.Start.Select(n => (long)n).ToArray(), patch));
            NdArray expected = NdArrays.Slice(c.Data, new int[c.Data.Rank], c.Data.Shape);
            NdArray.CopyRegion(patch, new int[c.Start.Length], expected, c.Start, c.Extent);
            using NdArray back = Sync.Run(array.ReadAllAsync());
            return NdArrays.Equal(expected, back);
        }).Check(Config);
}
