using System.IO.Compression;
using System.Text;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Tests.Zarr.Metadata;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Hostile;

/// <summary>
/// Corrupt chunks, hostile metadata and absurd sizes end in one typed exception carrying a
/// rule ID and the store key: never a crash, a hang, or an allocation the input dictates.
/// </summary>
public sealed class HostileInputTests
{
    private static async Task<MemoryStore> StoreWith(string metadata, params (string Key, byte[] Value)[] chunks)
    {
        var store = new MemoryStore();
        await store.SetAsync("zarr.json", Encoding.UTF8.GetBytes(metadata));
        foreach ((string key, byte[] value) in chunks)
        {
            await store.SetAsync(key, value);
        }
        return store;
    }

    private static string Array(string dataType, string shape, string chunks, string codecs, string fill = "0") => $$$"""
        {"zarr_format": 3, "node_type": "array", "shape": {{{shape}}}, "data_type": "{{{dataType}}}",
         "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": {{{chunks}}} } },
         "chunk_key_encoding": {"name": "default"}, "fill_value": {{{fill}}}, "codecs": {{{codecs}}} }
        """;

    private static async Task<ConformanceException> ReadFails(MemoryStore store)
    {
        ZarrArray array = await ZarrArray.OpenAsync(store);
        return (await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync()))!;
    }

    private const string Le = """[{"name": "bytes", "configuration": {"endian": "little"}}]""";

    [Test]
    public async Task A_truncated_chunk_names_its_key()
    {
        MemoryStore store = await StoreWith(Array("int32", "[4]", "[4]", Le), ("c/0", new byte[15]));
        ConformanceException e = await ReadFails(store);
        Assert.That((e.RuleId, e.Location), Is.EqualTo((ZarrRules.BytesLength, "c/0")));
    }

    [Test]
    public async Task A_chunk_that_inflates_past_its_size_is_stopped_at_the_size()
    {
        // 64 MiB of zeros compress to about 64 KiB; the chunk may hold 16 bytes.
        byte[] bomb;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
            {
                gzip.Write(new byte[64 << 20]);
            }
            bomb = buffer.ToArray();
        }
        MemoryStore store = await StoreWith(Array("int32", "[4]", "[4]", """[{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "gzip", "configuration": {"level": 1}}]"""), ("c/0", bomb));
        long before = GC.GetTotalAllocatedBytes(precise: true);
        ConformanceException e = await ReadFails(store);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.ChunkSize));
        Assert.That(allocated, Is.LessThan(8 << 20), "decoding must stop at the chunk's size, not inflate the whole bomb");
    }

    [Test]
    public async Task A_vlen_chunk_claiming_billions_of_elements_is_refused_before_allocating()
    {
        byte[] chunk = [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0];
        MemoryStore store = await StoreWith(Array("string", "[2]", "[2]", "[\"vlen-utf8\"]", "\"\""), ("c/0", chunk));
        ConformanceException e = await ReadFails(store);
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.VlenData));
    }

    [Test]
    public async Task Absurd_shapes_open_and_read_what_is_asked()
    {
        MemoryStore store = await StoreWith(Array("uint8", "[9223372036854775807, 9223372036854775807]", "[1, 1]", Le, "3"));
        ZarrArray array = await ZarrArray.OpenAsync(store);
        using NdArray corner = await array.ReadAsync(new long[] { 9223372036854775806, 9223372036854775805 }, new long[] { 1, 2 });
        Assert.That(corner.Bytes.ToArray(), Is.EqualTo(new byte[] { 3, 3 }));
        Assert.That(array.ChunkKey([9223372036854775806, 0]), Is.EqualTo("c/9223372036854775806/0"));
    }

    [Test]
    public async Task A_chunk_too_large_for_memory_is_unsupported_not_a_crash()
    {
        MemoryStore store = await StoreWith(Array("uint8", "[10]", "[4611686018427387904]", Le), ("c/0", new byte[10]));
        ConformanceException e = await ReadFails(store);
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.ChunkTooLarge, Reference.Outcome.Unsupported)));
    }

    [Test]
    public async Task A_huge_chunk_shape_with_no_chunk_stored_still_reads_as_fill()
    {
        MemoryStore store = await StoreWith(Array("uint8", "[3]", "[4611686018427387904]", Le, "5"));
        ZarrArray array = await ZarrArray.OpenAsync(store);
        using NdArray all = await array.ReadAllAsync();
        Assert.That(all.Bytes.ToArray(), Is.EqualTo(new byte[] { 5, 5, 5 }));
    }

    [Test]
    public async Task Deeply_nested_attributes_are_refused_without_a_stack_overflow()
    {
        // Valid JSON, but deeper than we read: unsupported, not invalid.
        string nested = new string('[', 100_000) + new string(']', 100_000);
        MemoryStore store = await StoreWith("""{"zarr_format": 3, "node_type": "group", "attributes": {"a": """ + nested + "}}");
        ConformanceException e = (await Assert.ThrowsAsync<ConformanceException>(async () => await ZarrHierarchy.OpenAsync(store)))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.MetadataTooLarge, Reference.Outcome.Unsupported)));
    }

    [Test]
    public async Task Unbalanced_deep_nesting_is_still_a_limit_not_a_crash()
    {
        MemoryStore store = await StoreWith(new string('[', 1_000_000));
        ConformanceException e = (await Assert.ThrowsAsync<ConformanceException>(async () => await ZarrHierarchy.OpenAsync(store)))!;
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.MetadataTooLarge));
    }

    [Test]
    public async Task Oversized_metadata_is_refused_at_the_limit()
    {
        MemoryStore store = await StoreWith(MetadataText.Group + new string(' ', 2048));
        var options = new ZarrOptions { MaxMetadataBytes = 1024 };
        ConformanceException e = (await Assert.ThrowsAsync<ConformanceException>(async () => await ZarrHierarchy.OpenAsync(store, "/", options)))!;
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.MetadataTooLarge));
    }

    [Test]
    public void Arbitrary_bytes_as_metadata_fail_only_with_the_typed_exception() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Only(() => NodeMetadata.Parse(bytes, "zarr.json", ZarrOptions.Default)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Test]
    public void Mutated_metadata_fails_only_with_the_typed_exception()
    {
        byte[] valid = Encoding.UTF8.GetBytes(MetadataText.Array);
        Gen<byte[]> mutations =
            from position in Gen.Choose(0, valid.Length - 1)
            from value in Gen.Elements("0123456789-.e\"[]{}:,x ".Select(c => (byte)c).ToArray())
            from count in Gen.Choose(1, 3)
            select Mutate(valid, position, value, count);
        Prop.ForAll(mutations.ToArbitrary(), bytes => Only(() => NodeMetadata.Parse(bytes, "zarr.json", ZarrOptions.Default)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Test]
    public void Arbitrary_chunk_bytes_fail_only_with_the_typed_exception()
    {
        string[] codecLists =
        [
            Le,
            """[{"name": "bytes", "configuration": {"endian": "big"}}, {"name": "gzip", "configuration": {"level": 1}}]""",
            """[{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "zstd", "configuration": {"level": 1}}, {"name": "crc32c"}]""",
            """[{"name": "transpose", "configuration": {"order": [1, 0]}}, {"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}]""",
        ];
        Gen<(string, byte[])> cases =
            from codecs in Gen.Elements(codecLists)
            from bytes in ArbMap.Default.ArbFor<byte[]>().Generator
            select (codecs, bytes);
        Prop.ForAll(cases.ToArbitrary(), c => Only(() =>
        {
            MemoryStore store = Sync.Run(new ValueTask<MemoryStore>(StoreWith(Array("int16", "[3, 2]", "[3, 2]", c.Item1), ("c/0/0", c.Item2))));
            ZarrArray array = Sync.Run(ZarrArray.OpenAsync(store));
            using NdArray _ = Sync.Run(array.ReadAllAsync());
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

        string vlen = Array("string", "[3]", "[3]", "[\"vlen-utf8\"]", "\"\"");
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Only(() =>
        {
            MemoryStore store = Sync.Run(new ValueTask<MemoryStore>(StoreWith(vlen, ("c/0", bytes))));
            ZarrArray array = Sync.Run(ZarrArray.OpenAsync(store));
            using NdArray _ = Sync.Run(array.ReadAllAsync());
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static byte[] Mutate(byte[] source, int position, byte value, int count)
    {
        byte[] copy = (byte[])source.Clone();
        for (int i = position; i < Math.Min(copy.Length, position + count); i++)
        {
            copy[i] = value;
        }
        return copy;
    }

    /// <summary>True when <paramref name="action"/> succeeds or throws a <see cref="ConformanceException"/>.</summary>
    private static bool Only(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (ConformanceException)
        {
            return true;
        }
    }

    private static bool Only(Func<object> action) => Only(() => { action(); });
}
