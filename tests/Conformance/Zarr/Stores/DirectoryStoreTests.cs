using System.Text;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Zarr.Stores;

/// <summary>The contract, plus the file system store's own promises (stores/filesystem).</summary>
public sealed class DirectoryStoreTests : StoreContractTests
{
    private readonly List<TempDirectory> _directories = [];

    protected override Store CreateStore()
    {
        var directory = new TempDirectory();
        _directories.Add(directory);
        return new DirectoryStore(directory.Path);
    }

    [TearDown]
    public void DeleteDirectories()
    {
        foreach (TempDirectory directory in _directories)
        {
            directory.Dispose();
        }
        _directories.Clear();
    }

    [Test]
    public async Task Keys_map_to_files_under_the_root()
    {
        var store = (DirectoryStore)CreateStore();
        await store.SetAsync("foo/bar", Encoding.UTF8.GetBytes("x"));
        Assert.That(File.ReadAllText(Path.Combine(store.Root, "foo", "bar")), Is.EqualTo("x"));
    }

    [Test]
    public async Task Writes_leave_no_temporary_files_and_replace_whole_values()
    {
        var store = (DirectoryStore)CreateStore();
        await store.SetAsync("k", new byte[100_000]);
        await store.SetAsync("k", Encoding.UTF8.GetBytes("short"));
        Assert.That(Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EqualTo(new[] { "k" }));
        Assert.That(File.ReadAllText(Path.Combine(store.Root, "k")), Is.EqualTo("short"));
    }

    [Test]
    public async Task A_stale_temporary_file_from_a_crashed_writer_is_not_listed()
    {
        var store = (DirectoryStore)CreateStore();
        await store.SetAsync("a/zarr.json", "{}"u8.ToArray());
        File.WriteAllText(Path.Combine(store.Root, "a", ".partial-c.0123"), "half");
        StoreListing listing = await store.ListDirAsync("a/");
        Assert.That(listing.Keys, Is.EqualTo(new[] { "a/zarr.json" }));
    }

    [Test]
    public async Task A_read_only_store_refuses_writes()
    {
        using var directory = new TempDirectory();
        var store = new DirectoryStore(directory.Path, readOnly: true);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SetAsync("k", new byte[1]));
    }
}
