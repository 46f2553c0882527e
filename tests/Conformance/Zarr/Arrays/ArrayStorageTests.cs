using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Zarr.Arrays;

/// <summary>Core spec, "Storage" and regular-grid "border chunks": what lands in the store.</summary>
public sealed class ArrayStorageTests
{
    private static ArrayMetadata UInt8(long[] shape, long[] chunks, byte fill = 0, ChunkKeyEncoding? keys = null) =>
        new(shape, IntegerDataType.UInt8, new RegularChunkGrid(chunks), [BytesCodec.Little], [fill], keys);

    private static async Task<List<string>> Keys(Store store)
    {
        var keys = new List<string>();
        await foreach (string key in store.ListAsync())
        {
            keys.Add(key);
        }
        return keys;
    }

    [Test]
    public async Task Chunks_equal_to_the_fill_value_are_not_stored_and_are_erased_when_they_become_so()
    {
        var store = new MemoryStore();
        ZarrArray array = await ZarrArray.CreateAsync(store, "/a", UInt8([4], [2], fill: 7));
        await array.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [4], [7, 7, 1, 2]));
        Assert.That(await Keys(store), Is.EqualTo(new[] { "a/c/1", "a/zarr.json", "zarr.json" }));
        await array.WriteAsync(new long[] { 2 }, NdArray.FromBytes(ElementType.UInt8, [2], [7, 7]));
        Assert.That(await Keys(store), Is.EqualTo(new[] { "a/zarr.json", "zarr.json" }));
    }

    [Test]
    public async Task Border_chunks_are_stored_whole_and_padded_with_the_fill_value()
    {
        var store = new MemoryStore();
        ZarrArray array = await ZarrArray.CreateAsync(store, "/", UInt8([3], [2], fill: 9));
        await array.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [3], [1, 2, 3]));
        using StoreValue? last = await store.GetAsync("c/1");
        Assert.That(last!.ToArray(), Is.EqualTo(new byte[] { 3, 9 }));
    }

    [Test]
    public async Task A_zero_dimensional_array_has_one_chunk_keyed_c_or_0()
    {
        var store = new MemoryStore();
        ZarrArray dflt = await ZarrArray.CreateAsync(store, "/d", UInt8([], []));
        ZarrArray v2 = await ZarrArray.CreateAsync(store, "/v", UInt8([], [], keys: ChunkKeyEncoding.V2));
        await dflt.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [], [5]));
        await v2.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [], [6]));
        Assert.That(await Keys(store), Is.EqualTo(new[] { "d/c", "d/zarr.json", "v/0", "v/zarr.json", "zarr.json" }));
        using NdArray back = await v2.ReadAllAsync();
        Assert.That(back.Bytes.ToArray(), Is.EqualTo(new byte[] { 6 }));
    }

    [Test]
    public async Task Creating_a_node_gives_missing_ancestors_group_metadata()
    {
        var store = new MemoryStore();
        await ZarrArray.CreateAsync(store, "/x/y/z", UInt8([1], [1]));
        Assert.That(await Keys(store), Is.EqualTo(new[] { "x/y/z/zarr.json", "x/y/zarr.json", "x/zarr.json", "zarr.json" }));
        Assert.That(await ZarrHierarchy.OpenAsync(store, "/x/y"), Is.InstanceOf<ZarrGroup>());
    }

    [Test]
    public async Task Creating_over_an_existing_node_needs_overwrite_and_then_removes_its_chunks()
    {
        var store = new MemoryStore();
        ZarrArray first = await ZarrArray.CreateAsync(store, "/a", UInt8([2], [1]));
        await first.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [2], [1, 2]));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await ZarrArray.CreateAsync(store, "/a", UInt8([2], [1])));
        ZarrArray second = await ZarrArray.CreateAsync(store, "/a", UInt8([2], [2]), overwrite: true);
        using NdArray back = await second.ReadAllAsync();
        Assert.That(back.Bytes.ToArray(), Is.EqualTo(new byte[] { 0, 0 }));
    }

    [Test]
    public async Task Group_children_come_from_listing_or_from_consolidated_metadata()
    {
        var store = new MemoryStore();
        ZarrGroup root = await ZarrGroup.CreateAsync(store);
        await root.CreateArrayAsync("b", UInt8([1], [1]));
        ZarrGroup sub = await root.CreateGroupAsync("a");
        await sub.CreateArrayAsync("inner", UInt8([1], [1]));
        await store.SetAsync("__ignored/zarr.json", """{"zarr_format": 3, "node_type": "group"}"""u8.ToArray());
        await store.SetAsync("not-a-node/data", new byte[1]);

        ZarrGroup listed = await ZarrGroup.OpenAsync(store);
        Assert.That((await listed.GetChildrenAsync()).Select(n => n.Path), Is.EqualTo(new[] { "/a", "/b" }));

        await ZarrHierarchy.ConsolidateAsync(store);
        await store.EraseAsync("a/inner/zarr.json");
        ZarrGroup consolidated = await ZarrGroup.OpenAsync(store, "/", ZarrOptions.Default with { UseConsolidatedMetadata = true });
        IReadOnlyList<Node> children = await consolidated.GetChildrenAsync();
        Assert.That(children.Select(n => n.Path), Is.EqualTo(new[] { "/a", "/b" }));
        IReadOnlyList<Node> grandchildren = await ((GroupNode)children[0]).GetChildrenAsync();
        Assert.That(grandchildren.Select(n => n.Path), Is.EqualTo(new[] { "/a/inner" }));
    }

    [Test]
    public async Task Reads_into_a_caller_owned_array_match_reads_that_allocate()
    {
        var store = new MemoryStore();
        ZarrArray array = await ZarrArray.CreateAsync(store, "/a", UInt8([5, 4], [2, 3], fill: 9));
        await array.WriteAsync(new long[] { 1, 1 }, NdArray.FromBytes(ElementType.UInt8, [2, 2], [1, 2, 3, 4]));
        NdArray reused = NdArray.Create(ElementType.UInt8, [3, 3]);
        foreach (long[] start in new[] { new long[] { 0, 0 }, new long[] { 2, 1 } })
        {
            await array.ReadIntoAsync(start, reused);
            using NdArray allocated = await array.ReadAsync(start, new long[] { 3, 3 });
            Assert.That(reused.Bytes.ToArray(), Is.EqualTo(allocated.Bytes.ToArray()));
        }
        Assert.That(reused.Bytes.ToArray(), Is.EqualTo(new byte[] { 3, 4, 9, 9, 9, 9, 9, 9, 9 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await array.ReadIntoAsync(new long[] { 0, 0 }, NdArray.Create(ElementType.Int8, [1, 1])));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await array.ReadIntoAsync(new long[] { 4, 0 }, reused));
    }

    [Test]
    public async Task Directory_stores_hold_the_same_keys_as_files()
    {
        using var directory = new TempDirectory();
        var store = new DirectoryStore(directory.Path);
        ZarrArray array = await ZarrArray.CreateAsync(store, "/a", UInt8([2, 2], [1, 2], keys: ChunkKeyEncoding.Create("default", '.')));
        await array.WriteAllAsync(NdArray.FromBytes(ElementType.UInt8, [2, 2], [1, 2, 3, 4]));
        Assert.That(File.Exists(Path.Combine(directory.Path, "a", "c.1.0")), Is.True);
        Assert.That(File.ReadAllBytes(Path.Combine(directory.Path, "a", "c.1.0")), Is.EqualTo(new byte[] { 3, 4 }));
    }
}
