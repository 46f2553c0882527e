using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Zarr.Stores;

/// <summary>
/// The contract, run against a zip store being written (reads go through its staging), plus
/// the zip store's own promises: a committed archive reads back the same, an abandoned one
/// leaves nothing, Python's zipfile reads what we write, and damaged archives give the rule.
/// </summary>
public sealed class ZipStoreTests : StoreContractTests
{
    private readonly List<TempDirectory> _directories = [];
    private readonly List<ZipStore> _stores = [];

    protected override Store CreateStore() => Track(ZipStore.Create(System.IO.Path.Combine(NewDirectory(), "store.zip")));

    [TearDown]
    public void DeleteStores()
    {
        foreach (ZipStore store in _stores)
        {
            store.Dispose();
        }
        foreach (TempDirectory directory in _directories)
        {
            directory.Dispose();
        }
        _stores.Clear();
        _directories.Clear();
    }

    private string NewDirectory()
    {
        var directory = new TempDirectory();
        _directories.Add(directory);
        return directory.Path;
    }

    private ZipStore Track(ZipStore store)
    {
        _stores.Add(store);
        return store;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<List<string>> Keys(Store store)
    {
        var keys = new List<string>();
        await foreach (string key in store.ListAsync())
        {
            keys.Add(key);
        }
        return keys;
    }

    private static async Task<byte[]?> Get(Store store, string key, ByteRange? range = null)
    {
        using StoreValue? value = await store.GetAsync(key, range);
        return value?.ToArray();
    }

    private static ArrayMetadata Int16Array(long[] shape, long[] chunks, ICodec[] codecs) =>
        new(shape, IntegerDataType.Int16, new RegularChunkGrid(chunks), codecs, [0, 0]);

    /// <summary>Writes a small hierarchy, the same into both stores.</summary>
    private static async Task Populate(params Store[] stores)
    {
        NdArray data = NdArray.Create(ElementType.Int16, [10, 7]);
        for (int i = 0; i < data.Count; i++)
        {
            data.Bytes[i * 2] = (byte)i;
            data.Bytes[(i * 2) + 1] = (byte)(i * 3);
        }
        foreach (Store store in stores)
        {
            ZarrArray array = await ZarrArray.CreateAsync(store, "/group/array", Int16Array([10, 7], [3, 3], [BytesCodec.Little, new GzipCodec(5)]));
            await array.WriteAllAsync(data);
            await store.SetAsync("group/notes/with space [1]", Bytes("free text"));
            await store.SetAsync("empty", Array.Empty<byte>());
        }
    }

    [Test]
    public async Task A_committed_archive_reopened_read_only_lists_and_reads_the_same_keys_and_byte_ranges()
    {
        string directory = NewDirectory();
        string path = System.IO.Path.Combine(directory, "out.zip");
        var expected = new MemoryStore();
        ZipStore writer = Track(ZipStore.Create(path));
        await Populate(expected, writer);
        await writer.EraseAsync("group/array/c/0/0");
        await expected.EraseAsync("group/array/c/0/0");
        await writer.CommitAsync();

        Assert.That(Directory.GetFileSystemEntries(directory).Select(System.IO.Path.GetFileName), Is.EqualTo(new[] { "out.zip" }), "no staging or partial file is left");
        Assert.That(writer.IsWritable, Is.False);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.SetAsync("k", new byte[1]));

        using var reader = new ZipStore(path);
        List<string> keys = await Keys(expected);
        Assert.That(await Keys(reader), Is.EqualTo(keys));
        Assert.That(await Keys(writer), Is.EqualTo(keys));
        foreach (string key in keys)
        {
            foreach (ByteRange? range in new ByteRange?[] { null, ByteRange.FromStart(1, 3), ByteRange.FromStart(2), ByteRange.Suffix(2), ByteRange.FromStart(1000, 1) })
            {
                Assert.That(await Get(reader, key, range), Is.EqualTo(await Get(expected, key, range)), $"{key} {range}");
            }
        }
        Assert.That(await reader.ListDirAsync("group/"), Is.EqualTo(await expected.ListDirAsync("group/")).Using<StoreListing>(SameListing));
        Assert.That(await reader.ListDirAsync(""), Is.EqualTo(await expected.ListDirAsync("")).Using<StoreListing>(SameListing));
        Assert.That(await Get(reader, "group/array/c/0/0"), Is.Null);

        ZarrArray fromZip = await ZarrArray.OpenAsync(reader, "/group/array");
        ZarrArray fromMemory = await ZarrArray.OpenAsync(expected, "/group/array");
        using NdArray zipped = await fromZip.ReadAllAsync();
        using NdArray original = await fromMemory.ReadAllAsync();
        Assert.That(NdArrays.Equal(zipped, original), Is.True);
    }

    private static bool SameListing(StoreListing a, StoreListing b) => a.Keys.SequenceEqual(b.Keys) && a.Prefixes.SequenceEqual(b.Prefixes);

    [Test]
    public async Task An_abandoned_write_leaves_no_file()
    {
        string directory = NewDirectory();
        string path = System.IO.Path.Combine(directory, "abandoned.zip");
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using ZipStore store = ZipStore.Create(path);
            await Populate(store);
            throw new InvalidOperationException("the writer failed half-way");
        });
        Assert.That(Directory.GetFileSystemEntries(directory), Is.Empty);
    }

    [Test]
    public async Task An_existing_file_is_refused_or_replaced_only_on_commit()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "existing.zip");
        await File.WriteAllTextAsync(path, "old");
        Assert.Throws<IOException>(() => ZipStore.Create(path));
        ZipStore store = Track(ZipStore.Create(path, overwrite: true));
        await store.SetAsync("zarr.json", Bytes("{}"));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("old"));
        await store.CommitAsync();
        using var reader = new ZipStore(path);
        Assert.That(await Keys(reader), Is.EqualTo(new[] { "zarr.json" }));
    }

    /// <summary>
    /// Archives made the way zarr-python's ZipStore makes them (Python's zipfile, entries at the
    /// root, ZIP_STORED, allowZip64), and deflated too, read to the same values as the
    /// directory store they were packed from.
    /// </summary>
    [TestCase("ZIP_STORED")]
    [TestCase("ZIP_DEFLATED")]
    public async Task Archives_written_by_python_zipfile_read_like_the_directory(string compression)
    {
        string? python = new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(File.Exists);
        if (python is null)
        {
            Assert.Ignore("python3 is not installed");
        }
        string source = System.IO.Path.Combine(RepoPaths.Fixtures, "zarr-v3", "valid", "sharding", "nested", "store");
        string path = System.IO.Path.Combine(NewDirectory(), "from-python.zip");
        const string Script = "import os, sys, zipfile\n"
            + "root, target, mode = sys.argv[1], sys.argv[2], getattr(zipfile, sys.argv[3])\n"
            + "with zipfile.ZipFile(target, 'w', compression=mode, allowZip64=True) as z:\n"
            + "    for folder, _, files in sorted(os.walk(root)):\n"
            + "        for name in sorted(files):\n"
            + "            full = os.path.join(folder, name)\n"
            + "            z.write(full, os.path.relpath(full, root).replace(os.sep, '/'))\n";
        var start = new ProcessStartInfo(python) { RedirectStandardError = true };
        foreach (string argument in new[] { "-c", Script, source, path, compression })
        {
            start.ArgumentList.Add(argument);
        }
        using (Process process = Process.Start(start)!)
        {
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, error);
        }
        using var zip = new ZipStore(path);
        ZarrArray fromZip = await ZarrArray.OpenAsync(zip);
        ZarrArray fromDirectory = await ZarrArray.OpenAsync(new DirectoryStore(source, readOnly: true));
        using NdArray expected = await fromDirectory.ReadAllAsync();
        using NdArray actual = await fromZip.ReadAllAsync();
        using NdArray part = await fromZip.ReadAsync(new long[] { 3, 2 }, new long[] { 4, 5 });
        Assert.That(NdArrays.Equal(expected, actual));
        Assert.That(NdArrays.Equal(NdArrays.Slice(expected, [3, 2], [4, 5]), part));
    }

    [Test]
    public async Task Python_zipfile_lists_the_same_entries_stored_uncompressed()
    {
        string? python = new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(File.Exists);
        if (python is null)
        {
            Assert.Ignore("python3 is not installed");
        }
        string path = System.IO.Path.Combine(NewDirectory(), "for-python.zip");
        ZipStore store = Track(ZipStore.Create(path));
        await Populate(store);
        await store.CommitAsync();

        const string Script = "import json, sys, zipfile\n"
            + "z = zipfile.ZipFile(sys.argv[1])\n"
            + "print(json.dumps({'bad': z.testzip(), 'entries': [[i.filename, i.compress_type, z.read(i).hex()] for i in z.infolist()]}))\n";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, error);

        using JsonDocument result = JsonDocument.Parse(output);
        Assert.That(result.RootElement.GetProperty("bad").ValueKind, Is.EqualTo(JsonValueKind.Null), "every CRC checks");
        var entries = result.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.That(entries.Select(e => e[0].GetString()), Is.EqualTo(await Keys(store)));
        foreach (JsonElement entry in entries)
        {
            string key = entry[0].GetString()!;
            Assert.That(entry[1].GetInt32(), Is.Zero, $"{key} is stored (ZIP_STORED)");
            Assert.That(entry[2].GetString(), Is.EqualTo(Convert.ToHexStringLower(await Get(store, key) ?? [])), key);
        }
    }

    [Test]
    public async Task A_root_folder_inside_the_archive_is_the_store_and_can_be_detected()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "parent.zip");
        WriteArchive(path, ("data.zarr/", null), ("data.zarr/zarr.json", "{}"), ("data.zarr/a/zarr.json", "{}"), ("data.zarr/a/c/0", "x"), ("__MACOSX/data.zarr/._zarr.json", "mac"));
        using var explicitRoot = new ZipStore(path, "data.zarr");
        Assert.That(await Keys(explicitRoot), Is.EqualTo(new[] { "a/c/0", "a/zarr.json", "zarr.json" }));
        using ZipStore detected = ZipStore.OpenWithDetectedRoot(path);
        Assert.That(detected.RootPrefix, Is.EqualTo("data.zarr/"));
        Assert.That(await Get(detected, "a/c/0"), Is.EqualTo(Bytes("x")));
        StoreListing root = await detected.ListDirAsync("");
        Assert.That((root.Keys, root.Prefixes), Is.EqualTo((new[] { "zarr.json" }, new[] { "a/" })));
        using var whole = new ZipStore(path);
        Assert.That(await Keys(whole), Has.Member("data.zarr/a/c/0").And.Member("__MACOSX/data.zarr/._zarr.json"));
    }

    [TestCase("zarr.json x/zarr.json", ExpectedResult = "")]
    [TestCase("x/zarr.json y/zarr.json", ExpectedResult = "")]
    [TestCase("x/zarr.json README", ExpectedResult = "")]
    [TestCase("x/c/0", ExpectedResult = "")]
    [TestCase("x/ x/zarr.json x/a/zarr.json", ExpectedResult = "x/")]
    public string The_detected_root_is_the_archive_root_unless_one_folder_holds_everything(string names)
    {
        string path = System.IO.Path.Combine(NewDirectory(), "detect.zip");
        WriteArchive(path, [.. names.Split(' ').Select(n => (n, n.EndsWith('/') ? null : (string?)"{}"))]);
        using ZipStore store = ZipStore.OpenWithDetectedRoot(path);
        return store.RootPrefix;
    }

    [Test]
    public async Task Deflated_entries_read_whole_and_by_range_and_a_name_stored_twice_reads_its_last_entry()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "deflated.zip");
        string text = string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        WriteArchive(path, CompressionLevel.Optimal, ("k", "first"), ("long", text), ("k", "second"));
        using var store = new ZipStore(path);
        Assert.That(await Get(store, "k"), Is.EqualTo(Bytes("second")));
        Assert.That(await Keys(store), Is.EqualTo(new[] { "k", "long" }));
        Assert.That(await Get(store, "long"), Is.EqualTo(Bytes(text)));
        Assert.That(await Get(store, "long", ByteRange.FromStart(700, 20)), Is.EqualTo(Bytes(text.Substring(700, 20))));
        Assert.That(await Get(store, "long", ByteRange.Suffix(5)), Is.EqualTo(Bytes(text[^5..])));
    }

    [Test]
    public async Task An_entry_larger_than_the_limit_is_refused_before_it_is_decompressed()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "bomb.zip");
        WriteArchive(path, CompressionLevel.SmallestSize, ("bomb", new string('0', 1 << 20)));
        using var store = new ZipStore(path, "", new ZipStoreOptions { MaxValueBytes = 64 << 10 });
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("bomb"));
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((ZarrRules.ChunkTooLarge, Outcome.Unsupported)));
        Assert.That(await Get(store, "bomb", ByteRange.FromStart(500_000, 10)), Is.EqualTo(Bytes("0000000000")));
    }

    [Test]
    public async Task Parallel_reads_share_a_bounded_pool_of_readers()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "parallel.zip");
        WriteArchive(path, [.. Enumerable.Range(0, 50).Select(i => ($"k/{i}", (string?)new string((char)('a' + (i % 26)), 100 + i)))]);
        using var store = new ZipStore(path, "", new ZipStoreOptions { MaxReaders = 3 });
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, token) =>
        {
            int i = n % 50;
            using StoreValue? value = await store.GetAsync($"k/{i}", ByteRange.FromStart(i, 50), token);
            Assert.That(value!.ToArray(), Is.EqualTo(Bytes(new string((char)('a' + (i % 26)), 50))));
        });
    }

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 1, 2, 3, 4, 5 })]
    [TestCase(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0, 0, 0 })]
    public void A_file_that_is_not_a_zip_archive_is_refused_naming_the_file(byte[] content)
    {
        string path = System.IO.Path.Combine(NewDirectory(), "not.zip");
        File.WriteAllBytes(path, content);
        ConformanceException? error = Assert.Throws<ConformanceException>(() => new ZipStore(path).Dispose());
        Assert.That((error!.RuleId, error.Location), Is.EqualTo((ZarrRules.ZipArchive, path)));
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public async Task Truncated_and_damaged_archives_give_the_rule_and_nothing_else()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "good.zip");
        WriteArchive(path, CompressionLevel.Optimal, ("zarr.json", "{\"zarr_format\": 3, \"node_type\": \"group\"}"), ("c/0", new string('x', 300)), ("c/1", "short"));
        byte[] good = await File.ReadAllBytesAsync(path);
        string damaged = System.IO.Path.Combine(NewDirectory(), "damaged.zip");
        int opened = 0;
        int refused = 0;
        for (int cut = 0; cut < good.Length; cut += 7)
        {
            await File.WriteAllBytesAsync(damaged, good.AsSpan(0, cut).ToArray());
            (bool open, _) = await ReadEverything(damaged);
            Assert.That(open, Is.False, $"cut at {cut} of {good.Length}");
        }
        for (int position = 0; position < good.Length; position++)
        {
            byte[] bytes = (byte[])good.Clone();
            bytes[position] ^= 0x5a;
            await File.WriteAllBytesAsync(damaged, bytes);
            (bool open, int failures) = await ReadEverything(damaged);
            opened += open ? 1 : 0;
            refused += failures + (open ? 0 : 1);
        }
        TestContext.Out.WriteLine($"{opened} damaged archives opened; {refused} refusals, each with the rule");
        Assert.That(refused, Is.GreaterThan(good.Length / 4));
    }

    [Test]
    public async Task A_whole_value_whose_crc_does_not_match_is_refused()
    {
        string path = System.IO.Path.Combine(NewDirectory(), "crc.zip");
        WriteArchive(path, ("k", "0123456789"));
        byte[] bytes = await File.ReadAllBytesAsync(path);
        int data = bytes.AsSpan().IndexOf(Bytes("0123456789"));
        bytes[data + 4] = (byte)'X';
        await File.WriteAllBytesAsync(path, bytes);
        using var store = new ZipStore(path);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("k"));
        Assert.That((error!.RuleId, error.Location), Is.EqualTo((ZarrRules.ZipArchive, "k")));
        Assert.That(await Get(store, "k", ByteRange.FromStart(0, 3)), Is.EqualTo(Bytes("012")), "a part cannot be checked");
        Assert.That(ZipCrc32.Compute(Bytes("123456789")), Is.EqualTo(0xCBF43926));
    }

    /// <summary>Opens the archive and reads every key whole and by range; any failure must be the zip rule (or the size limit).</summary>
    private static async Task<(bool Opened, int Failures)> ReadEverything(string path)
    {
        ZipStore store;
        try
        {
            store = new ZipStore(path, "", new ZipStoreOptions { MaxValueBytes = 1 << 20 });
        }
        catch (ConformanceException e)
        {
            Assert.That((e.RuleId, e.Location), Is.EqualTo((ZarrRules.ZipArchive, path)));
            return (false, 0);
        }
        int failures = 0;
        using (store)
        {
            foreach (string key in await Keys(store))
            {
                foreach (ByteRange? range in new ByteRange?[] { null, ByteRange.FromStart(3, 5), ByteRange.Suffix(4) })
                {
                    try
                    {
                        using StoreValue? value = await store.GetAsync(key, range);
                    }
                    catch (ConformanceException e)
                    {
                        Assert.That(e.RuleId, Is.AnyOf(ZarrRules.ZipArchive, ZarrRules.ChunkTooLarge), e.ToString());
                        failures++;
                    }
                }
            }
        }
        return (true, failures);
    }

    private static void WriteArchive(string path, params (string Name, string? Text)[] entries) =>
        WriteArchive(path, CompressionLevel.NoCompression, entries);

    /// <summary>An archive written with System.IO.Compression directly; a null text makes a directory entry.</summary>
    private static void WriteArchive(string path, CompressionLevel level, params (string Name, string? Text)[] entries)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach ((string name, string? text) in entries)
        {
            ZipArchiveEntry entry = archive.CreateEntry(name, level);
            if (text is not null)
            {
                using Stream stream = entry.Open();
                stream.Write(Bytes(text));
            }
        }
    }
}
