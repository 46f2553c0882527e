using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Arrays;

/// <summary>
/// Random arrays (data type, shape incl. 0-d, size-1 and empty dimensions, chunk shape, codec
/// chain, fill value, key encoding) written then read back equal, whole and by sub-region.
/// </summary>
public sealed class ArrayRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(150);

    /// <summary>An array's metadata and contents, and a box inside it.</summary>
    public sealed record Case(ArrayMetadata Metadata, NdArray Data, int[] Start, int[] Extent)
    {
        public override string ToString() =>
            $"{Metadata.DataType} shape [{string.Join(",", Metadata.Shape)}] chunks [{string.Join(",", Metadata.ChunkGrid.ChunkShape)}] " +
            $"codecs {string.Join(" | ", Metadata.Codecs.Select(c => c.ToDefinition()))} keys {Metadata.ChunkKeyEncoding.Name}{Metadata.ChunkKeyEncoding.Separator} box [{string.Join(",", Start)}]+[{string.Join(",", Extent)}]";
    }

    private static Gen<Case> Cases =>
        from type in Generators.DataType
        from shape in Generators.Shape(7, positive: false)
        from chunk in Gen.CollectToArray(shape.Select(n => Gen.Choose(1, Math.Max(1, n) + 2)))
        from chain in Generators.Chain(type, shape.Length)
        from fill in Generators.Element(type)
        from keys in Gen.Elements(ChunkKeyEncoding.Default, ChunkKeyEncoding.Create("default", '.'), ChunkKeyEncoding.V2, ChunkKeyEncoding.Create("v2", '/'))
        from data in Generators.Array(type, shape)
        from start in Gen.CollectToArray(shape.Select(n => Gen.Choose(0, n)))
        from extent in Gen.CollectToArray(shape.Select((n, d) => Gen.Choose(0, n - start[d])))
        select new Case(
            new ArrayMetadata([.. shape.Select(n => (long)n)], type, new RegularChunkGrid([.. chunk.Select(n => (long)n)]), chain, fill, keys),
            data, start, extent);

    private static ZarrArray Create(Case c, Store store) =>
        Sync.Run(ZarrArray.CreateAsync(store, "/a", c.Metadata, new ZarrOptions { MaxDegreeOfParallelism = 2 }));

    [Test]
    public void Written_arrays_read_back_equal() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var store = new MemoryStore();
            ZarrArray array = Create(c, store);
            Sync.Run(array.WriteAllAsync(c.Data));
            ZarrArray reopened = Sync.Run(ZarrArray.OpenAsync(store, "/a"));
            using NdArray back = Sync.Run(reopened.ReadAllAsync());
            return NdArrays.Equal(c.Data, back);
        }).Check(Config);

    [Test]
    public void Sub_regions_read_back_equal_to_the_same_slice_in_memory() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var store = new MemoryStore();
            ZarrArray array = Create(c, store);
            Sync.Run(array.WriteAllAsync(c.Data));
            using NdArray region = Sync.Run(array.ReadAsync(c.Start.Select(n => (long)n).ToArray(), c.Extent.Select(n => (long)n).ToArray()));
            return NdArrays.Equal(NdArrays.Slice(c.Data, c.Start, c.Extent), region);
        }).Check(Config);

    [Test]
    public void Writing_a_sub_region_changes_exactly_that_region() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var store = new MemoryStore();
            ZarrArray array = Create(c, store);
            Sync.Run(array.WriteAllAsync(c.Data));
            NdArray patch = NdArrays.Slice(Reverse(c.Data), c.Start, c.Extent);
            Sync.Run(array.WriteAsync(c.Start.Select(n => (long)n).ToArray(), patch));
            NdArray expected = Copy(c.Data);
            NdArray.CopyRegion(patch, new int[c.Start.Length], expected, c.Start, c.Extent);
            using NdArray back = Sync.Run(array.ReadAllAsync());
            return NdArrays.Equal(expected, back);
        }).Check(Config);

    [Test]
    public void Unwritten_arrays_read_as_the_fill_value() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var store = new MemoryStore();
            ZarrArray array = Create(c, store);
            using NdArray back = Sync.Run(array.ReadAllAsync());
            // Only the metadata of the array and of the root group it implies.
            return back.IsFilledWith(c.Metadata.FillValue) && store.Count == 2;
        }).Check(Config);

    private static NdArray Copy(NdArray source)
    {
        NdArray copy = NdArray.Create(source.ElementType, source.Shape);
        NdArray.CopyRegion(source, new int[source.Rank], copy, new int[source.Rank], source.Shape);
        return copy;
    }

    /// <summary>The same shape with the elements in reverse order: different data to write over the original.</summary>
    private static NdArray Reverse(NdArray source)
    {
        NdArray result = NdArray.Create(source.ElementType, source.Shape);
        for (int i = 0; i < source.Count; i++)
        {
            int j = source.Count - 1 - i;
            if (source.Items is not null)
            {
                result.Items![j] = source.Items[i];
            }
            else
            {
                source.Element(i).CopyTo(result.Bytes[(j * source.ElementType.Size)..]);
            }
        }
        return result;
    }
}
