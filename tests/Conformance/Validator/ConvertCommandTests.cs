using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary><c>conformance convert</c>: options, the written store, and nothing left behind on failure.</summary>
public sealed class ConvertCommandTests
{
    private static string Fixture(string relative) => CliRun.Fixture(relative);

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    [Test]
    public async Task Convert_writes_a_sharded_store_that_cats_to_the_same_values()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "out.zarr");
        (int code, string output, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), target, "--chunks", "1,1", "--shards", "2,2", "--codec", "blosc:lz4:5,zstd:3", "--codec", "crc32c");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.StartWith("converted 3 arrays and 3 groups (9 elements)"));
        foreach (string array in new[] { "/a/b/deep", "/top", "/a/sibling.with.dots" })
        {
            (_, string expected, _) = await Run("cat", Fixture("hierarchy/nested-groups"), "--array", array);
            (int catCode, string actual, _) = await Run("cat", target, "--array", array);
            Assert.That((catCode, actual), Is.EqualTo((ExitCodes.Success, expected)), array);
        }
        (_, string info, _) = await Run("info", target);
        Assert.That(info, Does.Contain("deep  array int16 shape [2, 2] chunks [2, 2] fill 0 codecs sharding_indexed(chunk_shape=[1,1]"));
        Assert.That(info, Does.Contain("top  array uint8 shape [3] chunks [2] fill 5 codecs bytes(endian=\"little\") | blosc(typesize=1, cname=\"lz4\", clevel=5, shuffle=\"bitshuffle\", blocksize=0) | zstd(level=3, checksum=false) | crc32c"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.EqualTo(new[] { target }), "no staging folder is left");
    }

    [Test]
    public async Task Convert_to_a_zip_path_writes_a_zip_store()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "out.zarr.zip");
        (int code, _, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), target, "--codec", "gzip:1");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.EqualTo(new[] { target }), "only the archive is left");
        using (var archive = System.IO.Compression.ZipFile.OpenRead(target))
        {
            Assert.That(archive.Entries.Select(e => e.FullName), Does.Contain("zarr.json").And.Contain("a/b/deep/zarr.json"));
        }
        (_, string expected, _) = await Run("cat", Fixture("hierarchy/nested-groups"), "--array", "/a/b/deep");
        (int catCode, string actual, _) = await Run("cat", target, "--array", "/a/b/deep");
        Assert.That((catCode, actual), Is.EqualTo((ExitCodes.Success, expected)));
    }

    [Test]
    public async Task A_failed_conversion_to_zip_leaves_nothing_behind()
    {
        using var directory = new TempDirectory();
        (int code, _, _) = await Run("convert", Fixture("codecs/crc32c-mismatch"), Path.Combine(directory.Path, "out.zip"));
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.Empty);
    }

    [Test]
    public async Task Convert_of_one_array_writes_it_at_the_root()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "deep.zarr");
        (int code, _, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), target, "--array", "/a/b/deep", "--chunks", "2,1");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        (_, string expected, _) = await Run("cat", Fixture("hierarchy/nested-groups"), "--array", "/a/b/deep");
        (_, string actual, _) = await Run("cat", target);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public async Task An_existing_destination_is_kept_unless_overwrite_is_given()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "out.zarr");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep"), "x");
        (int code, _, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), target);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("--overwrite"));
        Assert.That(File.Exists(Path.Combine(target, "keep")));
        (code, _, error) = await Run("convert", Fixture("hierarchy/nested-groups"), target, "--overwrite");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(File.Exists(Path.Combine(target, "keep")), Is.False);
        Assert.That(File.Exists(Path.Combine(target, "zarr.json")));
    }

    [Test]
    public async Task A_failed_conversion_leaves_nothing_behind()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "out.zarr");
        // Every chunk of this fixture fails its crc32c check, which is found while copying.
        (int code, _, string error) = await Run("convert", Fixture("codecs/crc32c-mismatch"), target);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(error, Does.StartWith("error ZARR-CODEC-CRC32C-002"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.Empty);
    }

    [TestCase("--chunks", "0,2")]
    [TestCase("--chunks", "a,b")]
    [TestCase("--codec", "lzma")]
    [TestCase("--codec", "zstd:99")]
    [TestCase("--codec", "blosc:snappy")]
    [TestCase("--codec", "blosc:lz4:5:sideways")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        using var directory = new TempDirectory();
        (int code, _, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), Path.Combine(directory.Path, "out.zarr"), option, value);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith("usage:"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.Empty);
    }

    [Test]
    public async Task Inner_chunks_that_do_not_divide_the_shards_are_a_usage_error()
    {
        using var directory = new TempDirectory();
        (int code, _, string error) = await Run("convert", Fixture("hierarchy/nested-groups"), Path.Combine(directory.Path, "out.zarr"), "--chunks", "2,2", "--shards", "3,3");
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("do not divide"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.Empty);
    }
}
