using System.Text;
using Conformance.Reference;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Tests.Zarr.Stores;

/// <summary>
/// The abstract store interface (core spec, "Abstract store interface"), checked the same way
/// against every store: each store's fixture derives from this with a one-line factory.
/// </summary>
public abstract class StoreContractTests
{
    protected abstract Store CreateStore();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<string?> GetText(Store store, string key, ByteRange? range = null)
    {
        using StoreValue? value = await store.GetAsync(key, range);
        return value is null ? null : Encoding.UTF8.GetString(value.Memory.Span);
    }

    [Test]
    public async Task Get_of_a_missing_key_is_null()
    {
        Store store = CreateStore();
        Assert.That(await GetText(store, "nothing/here"), Is.Null);
    }

    [Test]
    public async Task Set_then_get_returns_the_value_and_set_replaces_it()
    {
        Store store = CreateStore();
        await store.SetAsync("a/b/c", Bytes("first"));
        Assert.That(await GetText(store, "a/b/c"), Is.EqualTo("first"));
        await store.SetAsync("a/b/c", Bytes("second, longer"));
        Assert.That(await GetText(store, "a/b/c"), Is.EqualTo("second, longer"));
    }

    [Test]
    public async Task Empty_values_are_values()
    {
        Store store = CreateStore();
        await store.SetAsync("empty", Array.Empty<byte>());
        Assert.That(await GetText(store, "empty"), Is.EqualTo(""));
        Assert.That(await store.ExistsAsync("empty"), Is.True);
    }

    [Test]
    public async Task Keys_are_case_sensitive()
    {
        Store store = CreateStore();
        await store.SetAsync("foo", Bytes("a"));
        await store.SetAsync("FOO", Bytes("b"));
        Assert.That(await GetText(store, "foo"), Is.EqualTo("a"));
        Assert.That(await GetText(store, "FOO"), Is.EqualTo("b"));
    }

    [TestCase(0, 4L, ExpectedResult = "0123")]
    [TestCase(3, 2L, ExpectedResult = "34")]
    [TestCase(7, null, ExpectedResult = "789")]
    [TestCase(8, 100L, ExpectedResult = "89")]
    [TestCase(20, 5L, ExpectedResult = "")]
    [TestCase(0, null, ExpectedResult = "0123456789")]
    public async Task<string?> Get_returns_the_requested_byte_range(long start, long? length)
    {
        Store store = CreateStore();
        await store.SetAsync("r", Bytes("0123456789"));
        return await GetText(store, "r", ByteRange.FromStart(start, length));
    }

    [TestCase(3, ExpectedResult = "789")]
    [TestCase(0, ExpectedResult = "")]
    [TestCase(50, ExpectedResult = "0123456789")]
    public async Task<string?> Get_returns_a_suffix_range(long length)
    {
        Store store = CreateStore();
        await store.SetAsync("r", Bytes("0123456789"));
        return await GetText(store, "r", ByteRange.Suffix(length));
    }

    [Test]
    public async Task Get_partial_values_keeps_request_order_and_gives_null_for_missing_keys()
    {
        Store store = CreateStore();
        await store.SetAsync("x", Bytes("abcdef"));
        IReadOnlyList<StoreValue?> values = await store.GetPartialValuesAsync(
            [("x", ByteRange.FromStart(4)), ("missing", ByteRange.Full), ("x", ByteRange.FromStart(0, 2))]);
        Assert.That(values.Select(v => v is null ? null : Encoding.UTF8.GetString(v.Memory.Span)), Is.EqualTo(new[] { "ef", null, "ab" }));
        foreach (StoreValue? value in values)
        {
            value?.Dispose();
        }
    }

    [Test]
    public async Task Erase_removes_a_key_and_erasing_a_missing_key_is_no_error()
    {
        Store store = CreateStore();
        await store.SetAsync("k/v", Bytes("1"));
        await store.EraseAsync("k/v");
        await store.EraseAsync("k/never");
        await store.EraseAsync("no/such/prefix/key");
        Assert.That(await GetText(store, "k/v"), Is.Null);
    }

    [Test]
    public async Task List_prefix_returns_every_key_under_the_prefix()
    {
        Store store = await Populated();
        Assert.That(await ToList(store.ListPrefixAsync("a/")), Is.EqualTo(new[] { "a/b", "a/c", "a/d/e", "a/f/g" }));
        Assert.That(await ToList(store.ListAsync()), Is.EqualTo(new[] { "a/b", "a/c", "a/d/e", "a/f/g", "e/f/g" }));
        Assert.That(await ToList(store.ListPrefixAsync("zzz/")), Is.Empty);
    }

    [Test]
    public async Task List_dir_returns_keys_and_child_prefixes()
    {
        Store store = await Populated();
        StoreListing listing = await store.ListDirAsync("a/");
        Assert.That(listing.Keys, Is.EqualTo(new[] { "a/b", "a/c" }));
        Assert.That(listing.Prefixes, Is.EqualTo(new[] { "a/d/", "a/f/" }));
        StoreListing root = await store.ListDirAsync("");
        Assert.That(root.Keys, Is.Empty);
        Assert.That(root.Prefixes, Is.EqualTo(new[] { "a/", "e/" }));
        StoreListing none = await store.ListDirAsync("b/");
        Assert.That(none.Keys.Concat(none.Prefixes), Is.Empty);
    }

    [Test]
    public async Task Erase_prefix_removes_exactly_the_keys_under_it()
    {
        Store store = await Populated();
        await store.ErasePrefixAsync("a/");
        Assert.That(await ToList(store.ListAsync()), Is.EqualTo(new[] { "e/f/g" }));
    }

    [TestCase("")]
    [TestCase("/a")]
    [TestCase("a/")]
    [TestCase("a//b")]
    [TestCase("../escape")]
    [TestCase("a/./b")]
    [TestCase("a/../../b")]
    public async Task Invalid_keys_are_refused(string key)
    {
        Store store = CreateStore();
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.SetAsync(key, Bytes("x")));
        Assert.That(error!.RuleId, Is.EqualTo(ZarrRules.StoreKey));
        await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync(key));
    }

    [Test]
    public async Task Concurrent_writes_to_different_keys_all_land()
    {
        Store store = CreateStore();
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), async (i, ct) => await store.SetAsync($"c/{i % 4}/{i}", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct));
        List<string> keys = await ToList(store.ListPrefixAsync("c/"));
        Assert.That(keys, Has.Count.EqualTo(64));
        Assert.That(await GetText(store, "c/3/63"), Is.EqualTo("63"));
    }

    private async Task<Store> Populated()
    {
        Store store = CreateStore();
        foreach (string key in new[] { "a/b", "a/c", "a/d/e", "a/f/g", "e/f/g" })
        {
            await store.SetAsync(key, Bytes(key));
        }
        return store;
    }

    private static async Task<List<string>> ToList(IAsyncEnumerable<string> keys)
    {
        var list = new List<string>();
        await foreach (string key in keys)
        {
            list.Add(key);
        }
        return list;
    }
}
