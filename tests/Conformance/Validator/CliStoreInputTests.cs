using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary>
/// <c>info</c> and <c>cat</c> on the other inputs: zip archives and http URLs (served from
/// 127.0.0.1) print what the same store prints as a directory.
/// </summary>
[NonParallelizable]
public sealed class CliStoreInputTests
{
    private TempDirectory _directory = null!;
    private TestHttpServer _server = null!;

    private static string ZarritaFixtures => Path.Combine(RepoPaths.SharedInterop, "zarr-v3", "zarrita.js", "fixtures", "v3");

    private string Local(string relative) => Path.Combine(_directory.Path, relative);

    private string Url(string relative) => _server.At(relative).AbsoluteUri;

    [OneTimeSetUp]
    public async Task WriteStoresAndStartServer()
    {
        _directory = new TempDirectory();
        foreach (string name in new[] { "plain", "consolidated" })
        {
            var store = new DirectoryStore(Local(name));
            ZarrArray a = await ZarrArray.CreateAsync(store, "/a", new ArrayMetadata([6], IntegerDataType.Int32, new RegularChunkGrid([4]), [BytesCodec.Little], [7, 0, 0, 0]));
            await a.WriteAsync(new long[] { 1 }, NdArray.FromBytes(ElementType.Int32, [2], [1, 0, 0, 0, 2, 0, 0, 0]));
            ZarrArray b = await ZarrArray.CreateAsync(store, "/g/b", new ArrayMetadata([2, 3], FloatDataType.Float64, new RegularChunkGrid([1, 2]), [BytesCodec.Little, new GzipCodec(1)], new byte[8]));
            await b.WriteAllAsync(NdArray.FromBytes(ElementType.Float64, [2, 3], [.. Enumerable.Range(0, 6).SelectMany(i => BitConverter.GetBytes(i * 0.5))]));
            if (name == "consolidated")
            {
                await ZarrHierarchy.ConsolidateAsync(store);
            }
        }
        _server = await TestHttpServer.StartAsync(_directory.Path);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [SetUp]
    public void ResetFaults() => _server.Faults.Reset();

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    /// <summary>zarrita's zipped fixture when the shared corpus is here, else our own store zipped by <see cref="ZipStore"/>.</summary>
    private async Task<(string Zip, string Directory, string Array)> ZippedStore()
    {
        string zarrita = Path.Combine(ZarritaFixtures, "data.zipped_from_parent.zarr.zip");
        if (File.Exists(zarrita))
        {
            return (zarrita, Path.Combine(ZarritaFixtures, "data.zarr"), "/1d.contiguous.gzip.i2");
        }
        string zip = Local("plain.zip");
        if (!File.Exists(zip))
        {
            var source = new DirectoryStore(Local("plain"), readOnly: true);
            await using ZipStore target = ZipStore.Create(zip);
            await foreach (string key in source.ListAsync())
            {
                using StoreValue? value = await source.GetAsync(key);
                await target.SetAsync(key, value!.Memory);
            }
            await target.CommitAsync();
        }
        return (zip, Local("plain"), "/g/b");
    }

    [Test]
    public async Task Info_of_a_zip_archive_prints_what_the_directory_prints()
    {
        (string zip, string directory, _) = await ZippedStore();
        (int code, string output, string error) = await Run("info", zip);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Is.EqualTo((await Run("info", directory)).Output));
    }

    [Test]
    public async Task Cat_of_an_array_in_a_zip_archive_prints_what_the_directory_prints()
    {
        (string zip, string directory, string array) = await ZippedStore();
        (int code, string output, string error) = await Run("cat", zip, "--array", array);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Is.Not.Empty.And.EqualTo((await Run("cat", directory, "--array", array)).Output));
    }

    [Test]
    public async Task A_damaged_zip_archive_exits_1_naming_the_zip_rule()
    {
        string bad = Local("damaged.zip");
        await File.WriteAllTextAsync(bad, "not a zip archive");
        (int code, _, string error) = await Run("info", bad);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(error, Does.StartWith($"error {ZarrRules.ZipArchive} at {bad}"));
    }

    [Test]
    public async Task Info_over_http_of_a_consolidated_group_prints_what_the_directory_prints()
    {
        (int code, string output, string error) = await Run("info", Url("consolidated/"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Is.EqualTo((await Run("info", Local("consolidated"))).Output));
        Assert.That(output, Does.Contain("b  array float64"));
    }

    [Test]
    public async Task Info_and_cat_over_http_of_a_single_array()
    {
        (int code, string output, string error) = await Run("info", Url("plain/a"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Is.EqualTo((await Run("info", Local("plain/a"))).Output));
        (code, output, error) = await Run("cat", Url("plain/a/"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "7", "1", "2", "7", "7", "7" }));
    }

    [Test]
    public async Task Info_over_http_of_a_group_without_consolidated_metadata_says_its_children_cannot_be_listed()
    {
        (int code, string output, string error) = await Run("info", Url("plain/"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.StartWith("/  group\n└── (children not listed)  unsupported ZARR-STORE-003: "));
    }

    [Test]
    public async Task Cat_over_http_opens_an_array_by_its_path_without_listing()
    {
        (int code, string output, string error) = await Run("cat", Url("plain/"), "--array", "/g/b");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Is.EqualTo((await Run("cat", Local("plain"), "--array", "/g/b")).Output));
        (code, _, error) = await Run("cat", Url("plain/"), "--array", "/g/missing");
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError), error);
    }

    [Test]
    public async Task A_url_without_zarr_json_is_a_usage_error()
    {
        (int code, _, string error) = await Run("info", Url("nothing/here/"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith("usage:"));
    }

    [Test]
    public async Task A_server_that_refuses_exits_2_saying_unavailable()
    {
        _server.Faults.FailAlways(403);
        (int code, _, string error) = await Run("info", Url("plain/"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith($"unavailable {ZarrRules.HttpResponse} at {Url("plain/zarr.json")}: "));
    }
}
