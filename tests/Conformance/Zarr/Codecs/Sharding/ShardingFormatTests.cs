using System.Buffers.Binary;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Tests.Zarr.Metadata;

namespace Conformance.Tests.Zarr.Codecs.Sharding;

/// <summary>sharding_indexed, "Binary shard format": the bytes a shard holds, checked by hand.</summary>
public sealed class ShardingFormatTests
{
    private static readonly ICodec[] IndexWithCrc = [BytesCodec.Little, Crc32cCodec.Instance];

    private static ShardingCodec Codec(long[] inner, ShardIndexLocation location = ShardIndexLocation.End, ICodec[]? indexCodecs = null, ICodec[]? codecs = null) =>
        new(inner, codecs ?? [BytesCodec.Little], indexCodecs ?? IndexWithCrc, location);

    private static async Task<(ZarrArray Array, MemoryStore Store)> Create(long[] shape, long[] shard, ShardingCodec codec, ZarrDataType? type = null, byte[]? fill = null)
    {
        var store = new MemoryStore();
        var metadata = new ArrayMetadata(shape, type ?? IntegerDataType.UInt16, new RegularChunkGrid(shard), [codec], fill);
        return (await ZarrArray.CreateAsync(store, "/", metadata), store);
    }

    private static NdArray Counting(int[] shape)
    {
        NdArray data = NdArray.Create(ElementType.UInt16, shape);
        for (int i = 0; i < data.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.Bytes[(2 * i)..], (ushort)(i + 1));
        }
        return data;
    }

    private static async Task<byte[]> Stored(Store store, string key)
    {
        using StoreValue? value = await store.GetAsync(key);
        Assert.That(value, Is.Not.Null, key);
        return value!.ToArray();
    }

    private static (ulong Offset, ulong Length)[] Entries(ReadOnlySpan<byte> index, int count)
    {
        var entries = new (ulong, ulong)[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = (BinaryPrimitives.ReadUInt64LittleEndian(index[(16 * i)..]), BinaryPrimitives.ReadUInt64LittleEndian(index[(16 * i + 8)..]));
        }
        return entries;
    }

    [Test]
    public async Task The_spec_example_has_a_68_byte_index_at_the_end_with_a_crc32c()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32]));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        Assert.That(shard, Has.Length.EqualTo(4 * 32 * 32 * 2 + 68));
        ReadOnlySpan<byte> index = shard.AsSpan(shard.Length - 68);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(index[64..]), Is.EqualTo(Crc32C.Compute(index[..64])));
        (ulong offset, ulong length)[] entries = Entries(index, 4);
        for (int i = 0; i < 4; i++)
        {
            Assert.That(entries[i].length, Is.EqualTo(2048UL));
            // Inner chunk (r, c) holds rows 32r.. and columns 32c.. of the array, C order.
            int r = i / 2, c = i % 2;
            ushort first = BinaryPrimitives.ReadUInt16LittleEndian(shard.AsSpan((int)entries[i].offset));
            Assert.That(first, Is.EqualTo((ushort)(32 * r * 64 + 32 * c + 1)));
        }
    }

    [Test]
    public async Task Index_at_the_start_comes_first_and_offsets_count_from_the_shard_start()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32], ShardIndexLocation.Start));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        (ulong offset, ulong length)[] entries = Entries(shard, 4);
        Assert.That(entries.Min(e => e.offset), Is.EqualTo(68UL));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(shard.AsSpan(64)), Is.EqualTo(Crc32C.Compute(shard.AsSpan(0, 64))));
        using NdArray back = await array.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
    }

    [Test]
    public async Task Index_size_comes_from_the_index_codecs_so_without_crc32c_it_is_64_bytes()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32], indexCodecs: [BytesCodec.Little]));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        Assert.That(shard, Has.Length.EqualTo(4 * 2048 + 64));
        using NdArray back = await (await ZarrArray.OpenAsync(store)).ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
    }

    [Test]
    public async Task Big_endian_index_is_read_as_big_endian()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32], indexCodecs: [BytesCodec.Big, Crc32cCodec.Instance]));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        Assert.That(BinaryPrimitives.ReadUInt64BigEndian(shard.AsSpan(shard.Length - 68 + 8)), Is.EqualTo(2048UL));
        using NdArray back = await (await ZarrArray.OpenAsync(store)).ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
    }

    [Test]
    public async Task Inner_chunks_equal_to_the_fill_value_are_left_out_and_read_as_the_fill_value()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32]), fill: [7, 0]);
        using NdArray data = Counting([64, 64]);
        data.FillRegion([0, 32], [32, 32], [7, 0]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        (ulong offset, ulong length)[] entries = Entries(shard.AsSpan(shard.Length - 68), 4);
        Assert.That(entries[1], Is.EqualTo((ulong.MaxValue, ulong.MaxValue)));
        Assert.That(shard, Has.Length.EqualTo(3 * 2048 + 68));
        using NdArray back = await array.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
        using NdArray part = await array.ReadAsync(new long[] { 0, 40 }, new long[] { 2, 2 });
        Assert.That(part.IsFilledWith([7, 0]));
    }

    [Test]
    public async Task The_index_covers_inner_chunks_beyond_the_array_edge()
    {
        (ZarrArray array, MemoryStore store) = await Create([30, 40], [64, 64], Codec([32, 32]));
        using NdArray data = Counting([30, 40]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        (ulong offset, ulong length)[] entries = Entries(shard.AsSpan(shard.Length - 68), 4);
        Assert.That(entries[2], Is.EqualTo((ulong.MaxValue, ulong.MaxValue)));
        Assert.That(entries[3], Is.EqualTo((ulong.MaxValue, ulong.MaxValue)));
        Assert.That(entries[1].length, Is.EqualTo(2048UL), "a ragged inner chunk is stored whole, padded with the fill value");
        using NdArray back = await array.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
    }

    [Test]
    public async Task Inner_chunks_in_any_order_with_gaps_between_them_are_read()
    {
        (ZarrArray array, MemoryStore store) = await Create([4, 4], [4, 4], Codec([2, 2], indexCodecs: [BytesCodec.Little]));
        // Inner chunk i holds the value 10 + i everywhere; written last chunk first, 3 junk bytes apart.
        var body = new List<byte>();
        var entries = new (int Offset, int Length)[4];
        for (int i = 3; i >= 0; i--)
        {
            body.AddRange([0xEE, 0xEE, 0xEE]);
            entries[i] = (body.Count, 8);
            for (int e = 0; e < 4; e++)
            {
                body.AddRange([(byte)(10 + i), 0]);
            }
        }
        byte[] index = new byte[64];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(index.AsSpan(16 * i), (ulong)entries[i].Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(index.AsSpan(16 * i + 8), (ulong)entries[i].Length);
        }
        await store.SetAsync("c/0/0", body.Concat(index).ToArray());
        using NdArray back = await array.ReadAllAsync();
        using NdArray part = await array.ReadAsync(new long[] { 2, 0 }, new long[] { 2, 2 });
        for (int row = 0; row < 4; row++)
        {
            for (int col = 0; col < 4; col++)
            {
                int inner = (row / 2) * 2 + col / 2;
                Assert.That(back.Element(row * 4 + col)[0], Is.EqualTo((byte)(10 + inner)), $"[{row}, {col}]");
            }
        }
        Assert.That(part.IsFilledWith([12, 0]));
    }

    [Test]
    public async Task A_missing_shard_reads_as_the_fill_value_whole_and_in_part()
    {
        (ZarrArray array, _) = await Create([64, 64], [32, 32], Codec([16, 16]), fill: [1, 2]);
        using NdArray whole = await array.ReadAllAsync();
        using NdArray part = await array.ReadAsync(new long[] { 5, 5 }, new long[] { 3, 3 });
        Assert.That(whole.IsFilledWith([1, 2]) && part.IsFilledWith([1, 2]));
    }

    [Test]
    public async Task Nested_shards_round_trip_and_read_in_part()
    {
        var nested = new ShardingCodec([4, 4], [BytesCodec.Little, new GzipCodec(1)], IndexWithCrc, ShardIndexLocation.Start);
        (ZarrArray array, MemoryStore store) = await Create([24, 20], [16, 16], Codec([8, 8], codecs: [nested]));
        using NdArray data = Counting([24, 20]);
        await array.WriteAllAsync(data);
        ZarrArray reopened = await ZarrArray.OpenAsync(store);
        using NdArray back = await reopened.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
        using NdArray part = await reopened.ReadAsync(new long[] { 9, 3 }, new long[] { 10, 14 });
        Assert.That(NdArrays.Equal(NdArrays.Slice(data, [9, 3], [10, 14]), part));
    }

    [Test]
    public async Task Sharded_vlen_strings_round_trip()
    {
        var store = new MemoryStore();
        var metadata = new ArrayMetadata([5], StringDataType.Instance, new RegularChunkGrid([4]), [Codec([2], codecs: [VlenCodec.Utf8, new ZstdCodec(1)])]);
        ZarrArray array = await ZarrArray.CreateAsync(store, "/", metadata);
        byte[][] items = [.. new[] { "a", "", "βγ", "long text", "" }.Select(s => System.Text.Encoding.UTF8.GetBytes(s))];
        NdArray data = NdArray.FromItems(ElementType.String, [5], items);
        await array.WriteAllAsync(data);
        using NdArray back = await (await ZarrArray.OpenAsync(store)).ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
    }

    [Test]
    public void The_definition_round_trips_through_metadata_json()
    {
        var codec = new ShardingCodec([2, 3], [new TransposeCodec([1, 0]), BytesCodec.Big, new ZstdCodec(3)], [BytesCodec.Little], ShardIndexLocation.Start);
        var metadata = new ArrayMetadata([8, 9], IntegerDataType.Int32, new RegularChunkGrid([4, 9]), [codec]);
        var parsed = (ArrayMetadata)NodeMetadata.Parse(metadata.ToJson(), "zarr.json", ZarrOptions.Default);
        var back = (ShardingCodec)parsed.Codecs.Single();
        Assert.That(back.ChunkShape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(back.IndexLocation, Is.EqualTo(ShardIndexLocation.Start));
        Assert.That(back.Codecs.Select(c => c.ToDefinition().ToString()), Is.EqualTo(codec.Codecs.Select(c => c.ToDefinition().ToString())));
        Assert.That(back.IndexCodecs.Single(), Is.SameAs(BytesCodec.Little));
    }

    [TestCase("""{"chunk_shape": [3, 4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.ShardingChunkShape)]
    [TestCase("""{"chunk_shape": [4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.ShardingChunkShape)]
    [TestCase("""{"chunk_shape": [0, 4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.ShardingChunkShape)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "gzip", "configuration": {"level": 1}}]}""", ZarrRules.ShardingIndexCodecs)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_location": "middle"}""", ZarrRules.ShardingConfiguration)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}], "extra": 1}""", ZarrRules.ShardingConfiguration)]
    [TestCase("""{"chunk_shape": [4, 4], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.ShardingConfiguration)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.ShardingConfiguration)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [{"name": "gzip", "configuration": {"level": 1}}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.CodecOrder)]
    [TestCase("""{"chunk_shape": [4, 4], "codecs": [{"name": "bytes"}], "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}""", ZarrRules.BytesEndian)]
    public void Bad_configurations_are_refused_with_their_rule(string configuration, string rule)
    {
        string json = $$$"""
            {"zarr_format": 3, "node_type": "array", "shape": [16, 16], "data_type": "uint16",
             "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [8, 8]}},
             "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
             "codecs": [{"name": "sharding_indexed", "configuration": {{{configuration}}}}]}
            """;
        ConformanceException? e = Assert.Throws<ConformanceException>(() => MetadataText.Parse(json));
        Assert.That(e!.RuleId, Is.EqualTo(rule));
        Assert.That(e.Location, Does.StartWith("zarr.json#/codecs/0"));
    }

    [Test]
    public async Task A_shard_shorter_than_its_index_is_refused()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32]));
        await store.SetAsync("c/0/0", new byte[20]);
        ConformanceException? whole = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync());
        ConformanceException? part = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAsync(new long[] { 0, 0 }, new long[] { 1, 1 }));
        Assert.That(whole!.RuleId, Is.EqualTo(ZarrRules.ShardingIndex));
        Assert.That(part!.RuleId, Is.EqualTo(ZarrRules.ShardingIndex));
        Assert.That(whole.Location, Is.EqualTo("c/0/0"));
    }

    [TestCase(0UL, 9999UL, TestName = "An entry past the end of the shard is refused")]
    [TestCase(ulong.MaxValue, 16UL, TestName = "An entry with only one half empty is refused")]
    [TestCase(ulong.MaxValue - 4, 16UL, TestName = "An entry whose end overflows is refused")]
    public async Task Bad_index_entries_are_refused(ulong offset, ulong length)
    {
        (ZarrArray array, MemoryStore store) = await Create([4, 4], [4, 4], Codec([2, 2], indexCodecs: [BytesCodec.Little]));
        byte[] shard = new byte[32 + 64];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(shard.AsSpan(32 + 16 * i), (ulong)(8 * i));
            BinaryPrimitives.WriteUInt64LittleEndian(shard.AsSpan(32 + 16 * i + 8), 8);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(shard.AsSpan(32 + 16 * 3), offset);
        BinaryPrimitives.WriteUInt64LittleEndian(shard.AsSpan(32 + 16 * 3 + 8), length);
        await store.SetAsync("c/0/0", shard);
        ConformanceException? whole = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync());
        ConformanceException? part = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAsync(new long[] { 2, 2 }, new long[] { 1, 1 }));
        Assert.That(whole!.RuleId, Is.EqualTo(ZarrRules.ShardingIndex));
        Assert.That(part!.RuleId, Is.EqualTo(ZarrRules.ShardingIndex));
    }

    [Test]
    public async Task A_corrupt_index_checksum_is_reported_by_the_crc32c_rule()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32]));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        shard[^1] ^= 0xFF;
        await store.SetAsync("c/0/0", shard);
        ConformanceException? e = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAsync(new long[] { 0, 0 }, new long[] { 1, 1 }));
        Assert.That(e!.RuleId, Is.EqualTo(ZarrRules.Crc32cChecksum));
        Assert.That(e.Location, Does.StartWith("c/0/0"));
    }

    [Test]
    public async Task A_corrupt_inner_chunk_names_the_inner_chunk()
    {
        (ZarrArray array, MemoryStore store) = await Create([64, 64], [64, 64], Codec([32, 32], codecs: [BytesCodec.Little, Crc32cCodec.Instance]));
        using NdArray data = Counting([64, 64]);
        await array.WriteAllAsync(data);
        byte[] shard = await Stored(store, "c/0/0");
        (ulong offset, ulong _)[] entries = Entries(shard.AsSpan(shard.Length - 68), 4);
        shard[(int)entries[3].offset] ^= 0xFF;
        await store.SetAsync("c/0/0", shard);
        ConformanceException? e = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync());
        Assert.That(e!.RuleId, Is.EqualTo(ZarrRules.Crc32cChecksum));
        Assert.That(e.Location, Is.EqualTo("c/0/0 inner chunk (1, 1)"));
    }
}
