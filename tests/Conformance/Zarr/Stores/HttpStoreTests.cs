using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
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
/// The HTTP store against a real server on 127.0.0.1 serving a directory store our writer
/// made: range requests and their answers, the failures that are retried and those that are
/// not, the bound on requests in flight, and whole arrays read equal to the directory.
/// </summary>
[NonParallelizable]
public sealed class HttpStoreTests
{
    private const string Digits = "0123456789";
    private TempDirectory _directory = null!;
    private TestHttpServer _server = null!;

    private static HttpStoreOptions Fast { get; } = new()
    {
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private HttpFaults Faults => _server.Faults;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _directory = new TempDirectory();
        var store = new DirectoryStore(_directory.Path);
        await store.SetAsync("blob", Encoding.UTF8.GetBytes(Digits));
        await store.SetAsync("empty", Array.Empty<byte>());
        await store.SetAsync("my dir/[x] y#z?", Encoding.UTF8.GetBytes("spaces and brackets"));
        await store.SetAsync("big", new byte[4096]);
        ZarrArray array = await ZarrArray.CreateAsync(store, "/arr", new ArrayMetadata([24, 20], IntegerDataType.Int32, new RegularChunkGrid([4, 4]), [BytesCodec.Little, new GzipCodec(1)], [0, 0, 0, 0]));
        await array.WriteAllAsync(Counting());
        _server = await TestHttpServer.StartAsync(_directory.Path);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [SetUp]
    public void ResetFaults() => Faults.Reset();

    private HttpStore Store(HttpStoreOptions? options = null) => new(_server.BaseUri, options ?? Fast);

    private static NdArray Counting()
    {
        NdArray data = NdArray.Create(ElementType.Int32, [24, 20]);
        for (int i = 0; i < data.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.Bytes[(i * 4)..], (i * 7) - 1000);
        }
        return data;
    }

    private static async Task<string?> Text(Store store, string key, ByteRange? range = null)
    {
        using StoreValue? value = await store.GetAsync(key, range);
        return value is null ? null : Encoding.UTF8.GetString(value.Memory.Span);
    }

    [TestCase(0, 4L, "bytes=0-3", ExpectedResult = "0123")]
    [TestCase(3, 2L, "bytes=3-4", ExpectedResult = "34")]
    [TestCase(7, null, "bytes=7-", ExpectedResult = "789")]
    [TestCase(8, 100L, "bytes=8-107", ExpectedResult = "89")]
    [TestCase(20, 5L, "bytes=20-24", ExpectedResult = "")]
    public async Task<string?> A_range_is_asked_for_with_a_Range_header(long start, long? length, string header)
    {
        using HttpStore store = Store();
        string? text = await Text(store, "blob", ByteRange.FromStart(start, length));
        Assert.That(Faults.Log.Select(r => r.Range), Is.EqualTo(new[] { header }));
        return text;
    }

    [TestCase(3, "bytes=-3", ExpectedResult = "789")]
    [TestCase(50, "bytes=-50", ExpectedResult = Digits)]
    public async Task<string?> A_suffix_is_asked_for_with_a_suffix_range(long length, string header)
    {
        using HttpStore store = Store();
        string? text = await Text(store, "blob", ByteRange.Suffix(length));
        Assert.That(Faults.Log.Select(r => r.Range), Is.EqualTo(new[] { header }));
        return text;
    }

    [Test]
    public async Task A_whole_value_is_asked_for_without_a_Range_header()
    {
        using HttpStore store = Store();
        Assert.That(await Text(store, "blob"), Is.EqualTo(Digits));
        Assert.That(Faults.Log.Single().Range, Is.Null);
    }

    [Test]
    public async Task A_ranged_get_transfers_only_the_bytes_asked_for()
    {
        using HttpStore store = Store();
        using StoreValue? value = await store.GetAsync("big", ByteRange.FromStart(1000, 24));
        Assert.That(value!.Length, Is.EqualTo(24));
        Assert.That(Faults.Log.Single(), Is.EqualTo(("/big", (string?)"bytes=1000-1023", 206, (long?)24)));
    }

    [TestCase(0L)]
    [TestCase(null)]
    public async Task Empty_ranges_and_empty_values_are_values(long? suffix)
    {
        using HttpStore store = Store();
        ByteRange range = suffix is long n ? ByteRange.Suffix(n) : ByteRange.FromStart(5, 0);
        Assert.That(await Text(store, "blob", range), Is.EqualTo(""));
        Assert.That(await Text(store, "empty"), Is.EqualTo(""));
        Assert.That(await store.ExistsAsync("empty"), Is.True);
        Assert.That(await store.ExistsAsync("blob"), Is.True);
        Assert.That(await store.ExistsAsync("nothing"), Is.False);
        Assert.That(await Text(store, "nothing", range), Is.Null);
    }

    [Test]
    public async Task Keys_with_spaces_brackets_and_url_delimiters_are_percent_encoded_per_segment()
    {
        using HttpStore store = Store();
        Assert.That(store.UriOf("my dir/[x] y#z?").AbsolutePath, Is.EqualTo("/my%20dir/%5Bx%5D%20y%23z%3F"));
        Assert.That(await Text(store, "my dir/[x] y#z?"), Is.EqualTo("spaces and brackets"));
    }

    [TestCase(404)]
    [TestCase(410)]
    public async Task Not_found_and_gone_are_missing_keys_and_are_not_retried(int status)
    {
        using HttpStore store = Store();
        Faults.FailAlways(status);
        Assert.That(await Text(store, "blob"), Is.Null);
        Assert.That(Faults.Requests, Is.EqualTo(1));
    }

    [TestCase(403)]
    [TestCase(401)]
    [TestCase(400)]
    public async Task Other_client_errors_fail_at_once_naming_the_url_and_status(int status)
    {
        using HttpStore store = Store();
        Faults.FailAlways(status);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob"));
        Assert.That((error!.RuleId, error.Outcome, error.Location), Is.EqualTo((ZarrRules.HttpResponse, Outcome.Unavailable, _server.At("blob").AbsoluteUri)));
        Assert.That(error.Message, Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Faults.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_server_that_ignores_range_is_sliced_locally()
    {
        using HttpStore store = Store();
        Faults.IgnoreRange = true;
        Assert.That(await Text(store, "blob", ByteRange.FromStart(2, 3)), Is.EqualTo("234"));
        Assert.That(await Text(store, "blob", ByteRange.Suffix(4)), Is.EqualTo("6789"));
        Assert.That(await Text(store, "blob", ByteRange.FromStart(12, 3)), Is.EqualTo(""));
        Assert.That(Faults.Log.Select(r => r.Status), Is.All.EqualTo(200));
    }

    [TestCase("bytes 1-4/10")]
    [TestCase("bytes 2-6/10")]
    [TestCase("bytes 2-4/*")]
    public async Task A_partial_answer_for_another_range_is_refused(string contentRange)
    {
        using HttpStore store = Store();
        Faults.ContentRange = contentRange;
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob", ByteRange.FromStart(2, 4)));
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((ZarrRules.HttpResponse, Outcome.Unavailable)));
    }

    [TestCase("bytes 2-5/10")]
    [TestCase("bytes 2-5/*")]
    public async Task A_partial_answer_for_the_range_asked_is_taken(string contentRange)
    {
        using HttpStore store = Store();
        Faults.ContentRange = contentRange;
        using StoreValue? value = await store.GetAsync("blob", ByteRange.FromStart(2, 4));
        Assert.That(value!.Length, Is.EqualTo(4));
    }

    [Test]
    public async Task A_content_coding_not_asked_for_is_refused()
    {
        using HttpStore store = Store();
        Faults.ContentEncoding = "gzip";
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob"));
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((ZarrRules.HttpResponse, Outcome.Unavailable)));
        Faults.ContentEncoding = "identity";
        Assert.That(await Text(store, "blob"), Is.EqualTo(Digits));
    }

    [Test]
    public async Task Service_unavailable_is_retried_until_it_succeeds()
    {
        using HttpStore store = Store();
        Faults.FailNext(2, 503);
        Assert.That(await Text(store, "blob"), Is.EqualTo(Digits));
        Assert.That(Faults.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_server_that_always_fails_gives_the_error_after_the_configured_retries()
    {
        using HttpStore store = Store(Fast with { MaxRetries = 2 });
        Faults.FailAlways(500);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("arr/zarr.json"));
        Assert.That((error!.RuleId, error.Outcome, error.Location), Is.EqualTo((ZarrRules.HttpUnavailable, Outcome.Unavailable, _server.At("arr/zarr.json").AbsoluteUri)));
        Assert.That(error.Message, Does.Contain("3 attempts").And.Contain("HTTP 500"));
        Assert.That(Faults.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task Without_retries_one_attempt_is_made()
    {
        using HttpStore store = Store(Fast with { MaxRetries = 0 });
        Faults.FailAlways(502);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob"));
        Assert.That(error!.RuleId, Is.EqualTo(ZarrRules.HttpUnavailable));
        Assert.That(Faults.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_truncated_body_is_retried()
    {
        using HttpStore store = Store();
        Faults.TruncateNext(2);
        using StoreValue? value = await store.GetAsync("big");
        Assert.That(value!.Length, Is.EqualTo(4096));
        Assert.That(Faults.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task Too_many_requests_waits_as_long_as_retry_after_asks()
    {
        using HttpStore store = Store();
        Faults.FailNext(1, 429, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();
        Assert.That(await Text(store, "blob"), Is.EqualTo(Digits));
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(900)));
        Assert.That(Faults.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task A_retry_after_beyond_the_limit_ends_the_retries()
    {
        using HttpStore store = Store();
        Faults.FailNext(5, 503, retryAfterSeconds: 3600);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob"));
        Assert.That(error!.RuleId, Is.EqualTo(ZarrRules.HttpUnavailable));
        Assert.That(error.Message, Does.Contain("Retry-After 3600"));
        Assert.That(Faults.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_slow_answer_times_out_and_is_retried()
    {
        using HttpStore store = Store(Fast with { MaxRetries = 1, RequestTimeout = TimeSpan.FromMilliseconds(150) });
        Faults.Delay = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("blob"));
        Assert.That(error!.RuleId, Is.EqualTo(ZarrRules.HttpUnavailable));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(Faults.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        using HttpStore store = Store();
        Faults.Delay = TimeSpan.FromSeconds(5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.CatchAsync<OperationCanceledException>(async () => await store.GetAsync("blob", null, cancel.Token));
        Assert.That(Faults.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unreachable_server_is_unavailable_not_invalid()
    {
        // Port 9 (discard) on the loopback has no listener here: the connection is refused.
        using var store = new HttpStore(new Uri("http://127.0.0.1:9/store/"), Fast with { MaxRetries = 1 });
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("zarr.json"));
        Assert.That((error!.RuleId, error.Outcome, error.Location), Is.EqualTo((ZarrRules.HttpUnavailable, Outcome.Unavailable, "http://127.0.0.1:9/store/zarr.json")));
    }

    [Test]
    public async Task A_value_beyond_the_size_limit_is_refused_before_it_is_read()
    {
        using HttpStore store = Store(Fast with { MaxValueBytes = 1000 });
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await store.GetAsync("big"));
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((ZarrRules.ChunkTooLarge, Outcome.Unsupported)));
        using StoreValue? part = await store.GetAsync("big", ByteRange.FromStart(0, 1000));
        Assert.That(part!.Length, Is.EqualTo(1000));
    }

    [Test]
    public async Task Requests_in_flight_never_exceed_the_limit()
    {
        using HttpStore store = Store(Fast with { MaxConcurrentRequests = 3 });
        Faults.Delay = TimeSpan.FromMilliseconds(15);
        ZarrArray array = await ZarrArray.OpenAsync(store, "/arr", ZarrOptions.Default with { MaxDegreeOfParallelism = 12 });
        using NdArray data = await array.ReadAllAsync();
        Assert.That(Faults.Requests, Is.GreaterThan(30));
        Assert.That(Faults.MaxInFlight, Is.InRange(2, 3));
    }

    [Test]
    public async Task A_multi_chunk_array_reads_the_same_over_http_as_from_the_directory()
    {
        using HttpStore store = Store();
        ZarrArray remote = await ZarrArray.OpenAsync(store, "/arr");
        ZarrArray local = await ZarrArray.OpenAsync(new DirectoryStore(_directory.Path, readOnly: true), "/arr");
        using NdArray fromHttp = await remote.ReadAllAsync();
        using NdArray fromDirectory = await local.ReadAllAsync();
        Assert.That(NdArrays.Equal(fromHttp, fromDirectory), Is.True);
        using NdArray part = await remote.ReadAsync(new long[] { 3, 5 }, new long[] { 10, 9 });
        using NdArray expected = NdArrays.Slice(fromDirectory, [3, 5], [10, 9]);
        Assert.That(NdArrays.Equal(part, expected), Is.True);
    }

    [Test]
    public async Task Partial_values_are_read_in_parallel_in_request_order()
    {
        using HttpStore store = Store();
        IReadOnlyList<StoreValue?> values = await store.GetPartialValuesAsync(
            [("blob", ByteRange.FromStart(4)), ("missing", ByteRange.Full), ("blob", ByteRange.FromStart(0, 2))]);
        Assert.That(values.Select(v => v is null ? null : Encoding.UTF8.GetString(v.Memory.Span)), Is.EqualTo(new[] { "456789", null, "01" }));
        foreach (StoreValue? value in values)
        {
            value?.Dispose();
        }
    }

    [Test]
    public async Task The_store_is_read_only_and_cannot_list()
    {
        using HttpStore store = Store();
        Assert.That((store.IsWritable, store.IsListable), Is.EqualTo((false, false)));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await store.SetAsync("k", new byte[1]));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await store.EraseAsync("blob"));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await store.ListDirAsync(""));
        Assert.Throws<NotSupportedException>(() => store.ListPrefixAsync(""));
        Assert.That(Faults.Requests, Is.Zero);
    }

    [Test]
    public async Task A_group_lists_its_children_from_consolidated_metadata_or_says_it_cannot()
    {
        using HttpStore store = Store();
        ZarrGroup root = await ZarrGroup.OpenAsync(store);
        ConformanceException? error = await Assert.ThrowsAsync<ConformanceException>(async () => await root.GetChildrenAsync());
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((ZarrRules.ChildrenNotListable, Outcome.Unsupported)));

        using var consolidatedDirectory = new TempDirectory();
        var local = new DirectoryStore(consolidatedDirectory.Path);
        await ZarrArray.CreateAsync(local, "/g/a", new ArrayMetadata([2], IntegerDataType.Int32, new RegularChunkGrid([2]), [BytesCodec.Little], [0, 0, 0, 0]));
        await ZarrHierarchy.ConsolidateAsync(local);
        await using TestHttpServer server = await TestHttpServer.StartAsync(consolidatedDirectory.Path);
        using var remote = new HttpStore(server.BaseUri, Fast);
        ZarrGroup consolidated = await ZarrGroup.OpenAsync(remote);
        IReadOnlyList<Node> children = await consolidated.GetChildrenAsync();
        Assert.That(children.Select(c => c.Path), Is.EqualTo(new[] { "/g" }));
        IReadOnlyList<Node> grandchildren = await ((GroupNode)children[0]).GetChildrenAsync();
        Assert.That(grandchildren.Select(c => c.Path), Is.EqualTo(new[] { "/g/a" }));
    }
}
