using Conformance.Reference;
using Conformance.Reference.Conversion;
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

namespace Conformance.Tests.Conversion;

/// <summary>Re-encoding arrays and hierarchies with new chunks, shards and codecs keeps every value, attribute and name.</summary>
public sealed class ConverterTests
{
    private static async Task<ZarrGroup> Hierarchy(Store store)
    {
        ZarrGroup root = await ZarrGroup.CreateAsync(store, "/", new GroupMetadata { Attributes = new() { ["title"] = "root" } });
        ZarrGroup child = await root.CreateGroupAsync("child", new GroupMetadata { Attributes = new() { ["n"] = 3 } });
        var volume = new ArrayMetadata([20, 30], IntegerDataType.Int32, new RegularChunkGrid([7, 11]), [BytesCodec.Big, new GzipCodec(1)], [9, 0, 0, 0])
        {
            Attributes = new() { ["units"] = "m" },
            DimensionNames = ["y", "x"],
        };
        ZarrArray a = await child.CreateArrayAsync("volume", volume);
        NdArray data = NdArray.Create(ElementType.Int32, [20, 30]);
        for (int i = 0; i < data.Count; i++)
        {
            BitConverter.TryWriteBytes(data.Bytes[(4 * i)..], i * 3 - 100);
        }
        await a.WriteAllAsync(data);
        ZarrArray names = await root.CreateArrayAsync("names", new ArrayMetadata([5], StringDataType.Instance, new RegularChunkGrid([2]), [VlenCodec.Utf8]));
        await names.WriteAllAsync(NdArray.FromItems(ElementType.String, [5], [.. new[] { "a", "bb", "", "dddd", "é" }.Select(s => System.Text.Encoding.UTF8.GetBytes(s))]));
        return root;
    }

    private static async Task AssertSameAsync(Node expected, Node actual)
    {
        Assert.That(actual.Path, Is.EqualTo(expected.Path));
        Assert.That(actual.Attributes.ToJsonString(), Is.EqualTo(expected.Attributes.ToJsonString()));
        switch (expected)
        {
            case ArrayNode a:
                var b = (ArrayNode)actual;
                Assert.That(b.Shape, Is.EqualTo(a.Shape));
                Assert.That(b.ElementType, Is.EqualTo(a.ElementType));
                Assert.That(b.DimensionNames, Is.EqualTo(a.DimensionNames));
                Assert.That(b.FillValue.ToArray(), Is.EqualTo(a.FillValue.ToArray()));
                using (NdArray x = await a.ReadAsync(new long[a.Shape.Count], a.Shape.ToArray()))
                using (NdArray y = await b.ReadAsync(new long[b.Shape.Count], b.Shape.ToArray()))
                {
                    Assert.That(NdArrays.Equal(x, y), a.Path);
                }
                break;
            case GroupNode g:
                IReadOnlyList<Node> left = await g.GetChildrenAsync();
                IReadOnlyList<Node> right = await ((GroupNode)actual).GetChildrenAsync();
                Assert.That(right.Select(n => n.Name), Is.EqualTo(left.Select(n => n.Name)));
                for (int i = 0; i < left.Count; i++)
                {
                    await AssertSameAsync(left[i], right[i]);
                }
                break;
        }
    }

    [Test]
    public async Task A_hierarchy_converts_to_shards_with_new_codecs_keeping_everything_else()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        var target = new MemoryStore();
        var options = new ConvertOptions { Chunks = [4, 4], Shards = [8, 12], Codecs = type => [type.ElementType.IsVariableLength ? VlenCodec.Utf8 : BytesCodec.Little, new ZstdCodec(3)] };
        ConversionSummary summary = await Converter.ConvertAsync(root, target, options);
        Assert.That((summary.Groups, summary.Arrays, summary.Elements), Is.EqualTo((2, 2, 605L)));
        Node converted = await ZarrHierarchy.OpenAsync(target);
        await AssertSameAsync(root, converted);
        ZarrArray volume = await ZarrArray.OpenAsync(target, "/child/volume");
        Assert.That(volume.Metadata.ChunkGrid.ChunkShape, Is.EqualTo(new long[] { 8, 12 }));
        var sharding = (ShardingCodec)volume.Metadata.Codecs.Single();
        Assert.That(sharding.ChunkShape, Is.EqualTo(new long[] { 4, 4 }));
        Assert.That(sharding.Codecs[1], Is.InstanceOf<ZstdCodec>());
        ZarrArray names = await ZarrArray.OpenAsync(target, "/names");
        Assert.That(names.Metadata.ChunkGrid.ChunkShape, Is.EqualTo(new long[] { 2 }), "a rank-1 array keeps its own chunks");
    }

    [Test]
    public async Task Progress_counts_every_element_up_to_the_total()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        var reports = new List<ConversionProgress>();
        var progress = new SynchronousProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });
        await Converter.ConvertAsync(root, new MemoryStore(), new ConvertOptions { Chunks = [4, 4], MemoryBudget = 64 }, progress);
        Assert.That(reports.Select(r => r.ElementsTotal).Distinct(), Is.EqualTo(new[] { 605L }));
        Assert.That(reports.Max(r => r.ElementsDone), Is.EqualTo(605L));
        Assert.That(reports.Select(r => r.CurrentPath).Distinct(), Is.EquivalentTo(new[] { "/names", "/child/volume" }));
        Assert.That(reports.Count, Is.GreaterThan(10), "a small budget copies in many blocks, each reported");
    }

    private sealed class SynchronousProgress(Action<ConversionProgress> report) : IProgress<ConversionProgress>
    {
        public void Report(ConversionProgress value) => report(value);
    }

    [Test]
    public async Task Without_options_the_source_layout_and_codecs_are_kept()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        var target = new MemoryStore();
        await Converter.ConvertAsync(root, target);
        ZarrArray before = await ZarrArray.OpenAsync(source, "/child/volume");
        ZarrArray after = await ZarrArray.OpenAsync(target, "/child/volume");
        Assert.That(after.Metadata.ToJson(), Is.EqualTo(before.Metadata.ToJson()));
        await AssertSameAsync(root, await ZarrHierarchy.OpenAsync(target));
    }

    [Test]
    public async Task A_sharded_source_converts_back_to_plain_chunks()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        var sharded = new MemoryStore();
        await Converter.ConvertAsync(root, sharded, new ConvertOptions { Chunks = [5, 5], Shards = [10, 10] });
        var plain = new MemoryStore();
        await Converter.ConvertAsync(await ZarrHierarchy.OpenAsync(sharded), plain, new ConvertOptions { Chunks = [3, 3] });
        ZarrArray volume = await ZarrArray.OpenAsync(plain, "/child/volume");
        Assert.That(volume.Metadata.Codecs.OfType<ShardingCodec>(), Is.Empty);
        Assert.That(volume.Metadata.ChunkGrid.ChunkShape, Is.EqualTo(new long[] { 3, 3 }));
        await AssertSameAsync(root, await ZarrHierarchy.OpenAsync(plain));
    }

    [Test]
    public async Task Inner_chunks_that_do_not_divide_the_shards_are_refused()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        await Assert.ThrowsAsync<ArgumentException>(async () => await Converter.ConvertAsync(root, new MemoryStore(), new ConvertOptions { Chunks = [3, 4], Shards = [8, 8] }));
    }

    [Test]
    public async Task An_unreadable_node_stops_the_conversion_before_anything_is_written_unless_skipped()
    {
        var source = new MemoryStore();
        ZarrGroup root = await Hierarchy(source);
        await source.SetAsync("broken/zarr.json", "{\"zarr_format\": 3, \"node_type\": \"array\"}"u8.ToArray());
        var target = new MemoryStore();
        ConformanceException? e = await Assert.ThrowsAsync<ConformanceException>(async () => await Converter.ConvertAsync(root, target));
        Assert.That(e!.Location, Does.StartWith("broken/zarr.json"));
        Assert.That(target.Count, Is.Zero);
        ConversionSummary summary = await Converter.ConvertAsync(root, target, new ConvertOptions { SkipUnreadable = true });
        Assert.That(summary.Failures, Has.Count.EqualTo(1));
        Assert.That(summary.Arrays, Is.EqualTo(2));
    }

    [Test]
    public void Random_layouts_convert_to_random_layouts_with_the_same_values() =>
        Prop.ForAll(
            (from type in Gen.Elements(Generators.FixedTypes)
             from shape in Gen.Choose(0, 9).ArrayOf(2)
             from sourceChunks in Gen.Choose(1, 6).ArrayOf(2)
             from inner in Gen.Choose(1, 4).ArrayOf(2)
             from multiple in Gen.Choose(1, 3).ArrayOf(2)
             from shard in Gen.Elements(true, false)
             from budget in Gen.Elements(64L, 1L << 20)
             from data in Generators.Array(type, shape)
             select (type, shape, sourceChunks, inner, multiple, shard, budget, data)).ToArbitrary(),
            c =>
            {
                var store = new MemoryStore();
                var metadata = new ArrayMetadata([.. c.shape.Select(n => (long)n)], c.type, new RegularChunkGrid([.. c.sourceChunks.Select(n => (long)n)]), [BytesCodec.Little]);
                ZarrArray source = Sync.Run(ZarrArray.CreateAsync(store, "/", metadata));
                Sync.Run(source.WriteAllAsync(c.data));
                var target = new MemoryStore();
                long[] chunks = [.. c.inner.Select(n => (long)n)];
                var options = new ConvertOptions
                {
                    Chunks = chunks,
                    Shards = c.shard ? [.. chunks.Select((n, d) => n * c.multiple[d])] : null,
                    MaxDegreeOfParallelism = 2,
                    MemoryBudget = c.budget,
                };
                Converter.ConvertAsync(source, target, options).GetAwaiter().GetResult();
                using NdArray back = Sync.Run(Sync.Run(ZarrArray.OpenAsync(target)).ReadAllAsync());
                return NdArrays.Equal(c.data, back);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
}
