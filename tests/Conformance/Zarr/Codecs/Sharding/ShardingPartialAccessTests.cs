using System.Buffers;
using System.Buffers.Binary;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Zarr.Codecs.Sharding;

/// <summary>
/// sharding_indexed, "Implementation notes": a region inside one inner chunk is read as the
/// shard index plus that inner chunk's bytes, and a write into part of a shard re-encodes only
/// the inner chunks it touches. Counted at the store and at the codec.
/// </summary>
public sealed class ShardingPartialAccessTests
{
    private const int IndexSize = 16 * 64 + 4;

    /// <summary>A bytes codec that passes bytes through and counts how often it encodes.</summary>
    private sealed class CountingCodec : IBytesToBytesCodec
    {
        private int _encodes;

        public int Encodes => _encodes;

        public ExtensionObject ToDefinition() => new("test.counting");

        public long? ComputeEncodedSize(long? decodedSize) => decodedSize;

        public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output)
        {
            Interlocked.Increment(ref _encodes);
            output.Write(decoded.Span);
        }

        public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location) => output.Write(encoded.Span);
    }

    private static NdArray Counting(int[] shape)
    {
        NdArray data = NdArray.Create(ElementType.UInt16, shape);
        for (int i = 0; i < data.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.Bytes[(2 * i)..], (ushort)(i * 7 + 3));
        }
        return data;
    }

    /// <summary>A 128x128 uint16 array in 2x2 shards of 64x64, each of 8x8 inner chunks of 8x8 compressed with zstd.</summary>
    private static async Task<(ZarrArray Array, CountingStore Store, NdArray Data)> Sharded(ShardIndexLocation location, IBytesToBytesCodec? extra = null)
    {
        var store = new CountingStore(new MemoryStore());
        ICodec[] inner = extra is null ? [BytesCodec.Little, new ZstdCodec(1)] : [BytesCodec.Little, new ZstdCodec(1), extra];
        var codec = new ShardingCodec([8, 8], inner, [BytesCodec.Little, Crc32cCodec.Instance], location);
        var metadata = new ArrayMetadata([128, 128], IntegerDataType.UInt16, new RegularChunkGrid([64, 64]), [codec]);
        ZarrArray array = await ZarrArray.CreateAsync(store, "/", metadata);
        NdArray data = Counting([128, 128]);
        await array.WriteAllAsync(data);
        store.Reset();
        return (array, store, data);
    }

    private static async Task<long> InnerChunkLength(Store store, string key, int entry, ShardIndexLocation location)
    {
        using StoreValue? shard = await store.GetAsync(key);
        ReadOnlySpan<byte> bytes = shard!.Memory.Span;
        ReadOnlySpan<byte> index = location == ShardIndexLocation.End ? bytes[^IndexSize..] : bytes[..IndexSize];
        return (long)BinaryPrimitives.ReadUInt64LittleEndian(index[(16 * entry + 8)..]);
    }

    [TestCase(ShardIndexLocation.End)]
    [TestCase(ShardIndexLocation.Start)]
    public async Task A_region_in_one_inner_chunk_reads_only_the_index_and_that_inner_chunk(ShardIndexLocation location)
    {
        (ZarrArray array, CountingStore store, NdArray data) = await Sharded(location);
        // Rows 75-78, columns 3-6: shard (1, 0), inner chunk (1, 0) of it, entry 8.
        using NdArray part = await array.ReadAsync(new long[] { 75, 3 }, new long[] { 4, 4 });
        Assert.That(NdArrays.Equal(NdArrays.Slice(data, [75, 3], [4, 4]), part));
        Assert.That(store.Reads, Is.EqualTo(2));
        Assert.That(store.Requests.Select(r => r.Key), Is.All.EqualTo("c/1/0"));
        long inner = await InnerChunkLength(store, "c/1/0", 8, location);
        Assert.That(inner, Is.LessThan(128), "zstd shrinks the counting data");
        store.Reset();
        using NdArray again = await array.ReadAsync(new long[] { 75, 3 }, new long[] { 4, 4 });
        Assert.That(store.BytesServed, Is.EqualTo(IndexSize + inner));
    }

    [Test]
    public async Task A_region_across_inner_chunks_of_two_shards_reads_each_index_once()
    {
        (ZarrArray array, CountingStore store, NdArray data) = await Sharded(ShardIndexLocation.End);
        using NdArray part = await array.ReadAsync(new long[] { 60, 10 }, new long[] { 8, 20 });
        Assert.That(NdArrays.Equal(NdArrays.Slice(data, [60, 10], [8, 20]), part));
        var perShard = store.Requests.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(perShard.Keys, Is.EquivalentTo(new[] { "c/0/0", "c/1/0" }));
        // Neighbouring inner chunks are coalesced: one index read plus one data read per shard.
        Assert.That(perShard.Values, Is.All.EqualTo(2));
        long shardBytes = 0;
        foreach (string key in perShard.Keys)
        {
            using StoreValue? shard = await store.GetAsync(key);
            shardBytes += shard!.Length;
        }
        store.Reset();
        using NdArray again = await array.ReadAsync(new long[] { 60, 10 }, new long[] { 8, 20 });
        Assert.That(store.BytesServed, Is.LessThan(shardBytes / 4));
    }

    [Test]
    public async Task Neighbouring_inner_chunks_are_one_request_unless_coalescing_is_off()
    {
        (ZarrArray array, CountingStore store, NdArray data) = await Sharded(ShardIndexLocation.End);
        // A column of three inner chunks in one shard: rows 0-23, columns 0-3.
        using NdArray part = await array.ReadAsync(new long[] { 0, 0 }, new long[] { 24, 4 });
        Assert.That(NdArrays.Equal(NdArrays.Slice(data, [0, 0], [24, 4]), part));
        Assert.That(store.Reads, Is.EqualTo(2), "index, then the three inner chunks as one range");

        var sharding = (ShardingCodec)array.Metadata.Codecs[0];
        var separate = new ShardingCodec(sharding.ChunkShape, sharding.Codecs, sharding.IndexCodecs, sharding.IndexLocation) { CoalesceGap = -1 };
        var metadata = new ArrayMetadata(array.Metadata.Shape, array.Metadata.DataType, array.Metadata.ChunkGrid, [separate]);
        var counting = new CountingStore(new MemoryStore());
        ZarrArray strict = await ZarrArray.CreateAsync(counting, "/", metadata);
        await strict.WriteAllAsync(data);
        counting.Reset();
        using NdArray again = await strict.ReadAsync(new long[] { 0, 0 }, new long[] { 24, 4 });
        Assert.That(NdArrays.Equal(part, again));
        Assert.That(counting.Reads, Is.EqualTo(4), "index, then each inner chunk on its own");
    }

    [Test]
    public async Task Writing_inside_one_inner_chunk_re_encodes_only_that_inner_chunk()
    {
        var counter = new CountingCodec();
        (ZarrArray array, CountingStore store, NdArray data) = await Sharded(ShardIndexLocation.End, counter);
        int before = counter.Encodes;
        Assert.That(before, Is.EqualTo(256), "the first write encodes every inner chunk");
        NdArray patch = NdArray.Create(ElementType.UInt16, [2, 3]);
        patch.Fill([0xAA, 0xBB]);
        await array.WriteAsync(new long[] { 9, 17 }, patch);
        Assert.That(counter.Encodes - before, Is.EqualTo(1));
        NdArray.CopyRegion(patch, [0, 0], data, [9, 17], [2, 3]);
        using NdArray back = await array.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));
        Assert.That(store.Requests.Count(r => r.Key == "c/0/0"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Writing_the_fill_value_over_a_whole_inner_chunk_empties_its_entry()
    {
        (ZarrArray array, CountingStore store, NdArray data) = await Sharded(ShardIndexLocation.End);
        using StoreValue? before = await store.GetAsync("c/0/1");
        NdArray zeros = NdArray.Create(ElementType.UInt16, [8, 8]);
        await array.WriteAsync(new long[] { 8, 64 }, zeros);
        using StoreValue? after = await store.GetAsync("c/0/1");
        long removed = await InnerChunkLengthOf(before!);
        Assert.That(after!.Length, Is.EqualTo(before!.Length - removed));
        ReadOnlySpan<byte> index = after.Memory.Span[^IndexSize..];
        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(index[(16 * 8)..]), Is.EqualTo(ulong.MaxValue));
        data.FillRegion([8, 64], [8, 8], [0, 0]);
        using NdArray back = await array.ReadAllAsync();
        Assert.That(NdArrays.Equal(data, back));

        static Task<long> InnerChunkLengthOf(StoreValue shard) =>
            Task.FromResult((long)BinaryPrimitives.ReadUInt64LittleEndian(shard.Memory.Span[^IndexSize..][(16 * 8 + 8)..]));
    }

    [Test]
    public async Task A_shard_whose_inner_chunks_all_become_empty_is_erased()
    {
        (ZarrArray array, CountingStore store, _) = await Sharded(ShardIndexLocation.End);
        NdArray zeros = NdArray.Create(ElementType.UInt16, [64, 64]);
        await array.WriteAsync(new long[] { 64, 64 }, zeros);
        Assert.That(await store.ExistsAsync("c/1/1"), Is.False);
        NdArray band = NdArray.Create(ElementType.UInt16, [64, 10]);
        await array.WriteAsync(new long[] { 0, 64 }, band);
        Assert.That(await store.ExistsAsync("c/0/1"), Is.True, "columns 74-127 still hold data");
    }
}
