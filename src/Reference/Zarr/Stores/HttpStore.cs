using System.Net;
using System.Net.Http.Headers;
using Conformance.Reference.Buffers;
using Polly;
using Polly.Retry;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// A read-only store over HTTP or HTTPS: the value of key <c>a/b</c> is the body of a GET of
/// the base URL followed by <c>a/b</c>, each segment percent-encoded (core spec, "Store
/// implementations": <c>get</c> as "an HTTP GET request to an object URL"). HTTP has no
/// listing, so the store is not listable: a group's children come from its consolidated
/// metadata, and any node can still be opened by its path.
/// </summary>
/// <remarks>
/// <para>
/// A byte range is asked for with a <c>Range</c> header (RFC 9110 §14.2): <c>bytes=a-b</c>,
/// <c>bytes=a-</c> or the suffix <c>bytes=-n</c>. The answers read: 200, the whole value
/// (sliced here when a range was asked for and the server ignored it); 206, which must carry
/// the asked range in <c>Content-Range</c> (RFC 9110 §14.4); 404 and 410, no value; 416, a
/// range that starts past the end (an empty value).
/// </para>
/// <para>
/// 5xx, 408, 429 (waiting as long as <c>Retry-After</c> asks, up to
/// <see cref="HttpStoreOptions.MaxRetryAfter"/>), time-outs, dropped connections and
/// truncated bodies are retried with exponential back-off and jitter. When the retries run
/// out the read fails with <see cref="ZarrRules.HttpUnavailable"/>; any other refusal, or an
/// answer that does not fit the request, with <see cref="ZarrRules.HttpResponse"/>. Both name
/// the URL and carry <see cref="Outcome.Unavailable"/>: a server that does not answer says
/// nothing about whether the store is valid. At most
/// <see cref="HttpStoreOptions.MaxConcurrentRequests"/> requests are in flight at once.
/// </para>
/// </remarks>
public sealed class HttpStore : Store, IDisposable
{
    private const int CopyBufferBytes = 64 * 1024;

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _requests;
    private readonly ResiliencePipeline _retries;

    public HttpStore(Uri baseUri, HttpStoreOptions? options = null)
        : this(baseUri, options, null)
    {
    }

    /// <param name="baseUri">URL of the store's root; a missing final "/" is added.</param>
    /// <param name="options">Limits, retries and time-outs.</param>
    /// <param name="handler">Sends the requests (a proxy set-up, a test double); the store does not dispose it. Null: a connection pool of the store's own.</param>
    public HttpStore(Uri baseUri, HttpStoreOptions? options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{baseUri} is not an http or https URL", nameof(baseUri));
        }
        if (baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            throw new ArgumentException($"{baseUri}: a store URL cannot carry a query or fragment, since keys are appended to its path", nameof(baseUri));
        }
        string root = baseUri.GetLeftPart(UriPartial.Path);
        BaseUri = new Uri(root.EndsWith('/') ? root : root + "/");
        Options = options ?? HttpStoreOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxConcurrentRequests, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxRetries, nameof(options));
        HttpMessageHandler sender = handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Options.MaxConcurrentRequests,
            // Ranges address the stored bytes, so no content coding may come between.
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(sender, disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _requests = new SemaphoreSlim(Options.MaxConcurrentRequests);
        _retries = BuildRetries(Options);
    }

    /// <summary>URL of the store's root, ending in "/".</summary>
    public Uri BaseUri { get; }

    public HttpStoreOptions Options { get; }

    public override bool IsWritable => false;

    /// <summary>False: HTTP has no way to list the keys under a prefix.</summary>
    public override bool IsListable => false;

    /// <summary>The URL of <paramref name="key"/>: the base URL and the key, each segment percent-encoded (RFC 3986 §2.1).</summary>
    public Uri UriOf(string key)
    {
        StoreKeys.CheckKey(key);
        return new Uri(BaseUri.AbsoluteUri + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)));
    }

    public override async ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        Uri uri = UriOf(key);
        ByteRange asked = range ?? ByteRange.Full;
        if (asked.Length == 0 || asked.SuffixLength == 0)
        {
            // A Range header cannot ask for no bytes (RFC 9110 §14.1.2: last-pos >= first-pos),
            // so ask for one to learn whether the value exists, and keep none.
            using StoreValue? probe = await SendAsync(uri, key, ByteRange.FromStart(0, 1), cancellationToken);
            return probe is null ? null : StoreValue.Rent(0);
        }
        return await SendAsync(uri, key, asked, cancellationToken);
    }

    /// <summary>Reads every range at once, at most <see cref="HttpStoreOptions.MaxConcurrentRequests"/> in flight.</summary>
    public override async ValueTask<IReadOnlyList<StoreValue?>> GetPartialValuesAsync(IReadOnlyList<(string Key, ByteRange Range)> keyRanges, CancellationToken cancellationToken = default)
    {
        Task<StoreValue?>[] reads = [.. keyRanges.Select(p => GetAsync(p.Key, p.Range, cancellationToken).AsTask())];
        try
        {
            return await Task.WhenAll(reads);
        }
        catch
        {
            foreach (Task<StoreValue?> read in reads)
            {
                if (read.IsCompletedSuccessfully)
                {
                    read.Result?.Dispose();
                }
            }
            throw;
        }
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"the HTTP store at {BaseUri} is read-only");

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"the HTTP store at {BaseUri} is read-only");

    public override IAsyncEnumerable<string> ListPrefixAsync(string prefix, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"HTTP has no listing: the store at {BaseUri} cannot list its keys");

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"HTTP has no listing: the store at {BaseUri} cannot list its keys");

    /// <summary>Closes the store's connections; requests still in flight are cancelled.</summary>
    public void Dispose() => _client.Dispose();

    private static ResiliencePipeline BuildRetries(HttpStoreOptions options)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpTransientException>(e => e.RetryAfter is not TimeSpan wait || wait <= options.MaxRetryAfter),
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Exception is HttpTransientException { RetryAfter: TimeSpan wait } ? wait : (TimeSpan?)null),
        }).Build();
    }

    private async ValueTask<StoreValue?> SendAsync(Uri uri, string key, ByteRange range, CancellationToken cancellationToken)
    {
        int attempts = 0;
        try
        {
            return await _retries.ExecuteAsync(token =>
            {
                attempts++;
                return AttemptAsync(uri, key, range, token);
            }, cancellationToken);
        }
        catch (HttpTransientException e)
        {
            throw new ConformanceException(ZarrRules.HttpUnavailable, uri.AbsoluteUri, $"GET {uri.AbsoluteUri} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}; the last: {e.Message}", Outcome.Unavailable, e);
        }
    }

    /// <summary>One request, holding one of the concurrency slots from sending to the last byte of the body.</summary>
    private async ValueTask<StoreValue?> AttemptAsync(Uri uri, string key, ByteRange range, CancellationToken cancellationToken)
    {
        await _requests.WaitAsync(cancellationToken);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (range != ByteRange.Full)
                {
                    request.Headers.Range = RangeHeader(range);
                }
                using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                return await ReadAsync(response, uri, key, range, deadline.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpTransientException($"no complete answer within {Options.RequestTimeout}", null, e);
            }
            catch (HttpRequestException e)
            {
                throw new HttpTransientException(e.Message, null, e);
            }
            catch (IOException e)
            {
                throw new HttpTransientException("the connection broke: " + e.Message, null, e);
            }
        }
        finally
        {
            _requests.Release();
        }
    }

    private async ValueTask<StoreValue?> ReadAsync(HttpResponseMessage response, Uri uri, string key, ByteRange range, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        if (status is 200 or 206 && response.Content.Headers.ContentEncoding.Any(c => !c.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            // Values and their ranges are the stored bytes; a coding the store never asked for
            // would change both.
            throw Refused(uri, $"answered with Content-Encoding {string.Join(", ", response.Content.Headers.ContentEncoding)}, which was not asked for");
        }
        switch (status)
        {
            case 404 or 410:
                return null;
            case 416 when range != ByteRange.Full:
                return StoreValue.Rent(0);
            case 200:
                return await ReadWholeAsync(response, uri, key, range, cancellationToken);
            case 206 when range != ByteRange.Full:
                return await ReadPartAsync(response, uri, key, range, cancellationToken);
            case 408 or 429 or >= 500:
                TimeSpan? wait = RetryAfterOf(response);
                string asked = wait is TimeSpan w ? $" (Retry-After {w.TotalSeconds:0.###} s)" : "";
                throw new HttpTransientException($"HTTP {status} {response.ReasonPhrase}{asked}", wait);
            default:
                throw Refused(uri, $"answered HTTP {status} {response.ReasonPhrase}");
        }
    }

    /// <summary>A 200 answer: the whole value, of which the asked range is kept.</summary>
    private async ValueTask<StoreValue> ReadWholeAsync(HttpResponseMessage response, Uri uri, string key, ByteRange range, CancellationToken cancellationToken)
    {
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (response.Content.Headers.ContentLength is long total)
        {
            (long offset, long count) = range.Resolve(total);
            CheckSize(count, uri, key);
            await SkipAsync(body, offset, cancellationToken);
            return await ReadExactlyAsync(body, (int)count, cancellationToken);
        }
        if (range.SuffixLength is null)
        {
            CheckSize(range.Length ?? 0, uri, key);
            if (await SkipAsync(body, range.Start, cancellationToken) < range.Start)
            {
                return StoreValue.Rent(0);
            }
            return await ReadToEndAsync(body, range.Length, uri, key, cancellationToken);
        }
        // Where a suffix of a body of unknown length starts is known only once all of it is in.
        using StoreValue all = await ReadToEndAsync(body, null, uri, key, cancellationToken);
        (long start, long length) = range.Resolve(all.Length);
        StoreValue tail = StoreValue.Rent((int)length);
        all.Memory.Span.Slice((int)start, (int)length).CopyTo(tail.Memory.Span);
        return tail;
    }

    /// <summary>A 206 answer, whose Content-Range must be the range asked for.</summary>
    private async ValueTask<StoreValue> ReadPartAsync(HttpResponseMessage response, Uri uri, string key, ByteRange range, CancellationToken cancellationToken)
    {
        ContentRangeHeaderValue? given = response.Content.Headers.ContentRange;
        if (given is not { HasRange: true, From: long from, To: long to } || !given.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || to < from)
        {
            throw Refused(uri, $"answered 206 without a usable Content-Range ({given?.ToString() ?? "none"})");
        }
        if (!Fits(range, from, to, given.Length))
        {
            throw Refused(uri, $"answered 206 with Content-Range {given} to Range {RangeHeader(range)}");
        }
        long count = to - from + 1;
        if (response.Content.Headers.ContentLength is long length && length != count)
        {
            throw Refused(uri, $"answered 206 with Content-Length {length}, which disagrees with Content-Range {given}");
        }
        CheckSize(count, uri, key);
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await ReadExactlyAsync(body, (int)count, cancellationToken);
    }

    /// <summary>
    /// Whether bytes <paramref name="from"/>..<paramref name="to"/> of a value of
    /// <paramref name="total"/> bytes are what <paramref name="range"/> asks for. Without the
    /// total ("*"), fewer bytes than asked cannot be told from a cut-off answer, so only the
    /// exact range fits.
    /// </summary>
    private static bool Fits(ByteRange range, long from, long to, long? total)
    {
        if (range.SuffixLength is long suffix)
        {
            return total is long t ? from == Math.Max(0, t - suffix) && to == t - 1 : to - from + 1 == suffix;
        }
        long? end = range.Length is long length ? range.Start + length - 1 : null;
        if (total is long size)
        {
            return from == range.Start && to == Math.Min(end ?? size - 1, size - 1);
        }
        return from == range.Start && (end is null || to == end);
    }

    private static RangeHeaderValue RangeHeader(ByteRange range) => range.SuffixLength is long suffix
        ? new RangeHeaderValue(null, suffix)
        : new RangeHeaderValue(range.Start, range.Length is long length ? range.Start + length - 1 : null);

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }
        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private void CheckSize(long count, Uri uri, string key)
    {
        if (count > Options.MaxValueBytes)
        {
            throw new ConformanceException(ZarrRules.ChunkTooLarge, key, $"{uri.AbsoluteUri}: value of {count} bytes is larger than the {Options.MaxValueBytes} read at once", Outcome.Unsupported);
        }
    }

    /// <summary>Reads and drops up to <paramref name="count"/> bytes; returns how many there were.</summary>
    private static async ValueTask<long> SkipAsync(Stream body, long count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return 0;
        }
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(count, CopyBufferBytes));
        try
        {
            long skipped = 0;
            while (skipped < count)
            {
                int n = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(count - skipped, buffer.Length)), cancellationToken);
                if (n == 0)
                {
                    break;
                }
                skipped += n;
            }
            return skipped;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes of a body whose length the server announced; fewer means it was cut short.</summary>
    private static async ValueTask<StoreValue> ReadExactlyAsync(Stream body, int count, CancellationToken cancellationToken)
    {
        StoreValue value = StoreValue.Rent(count);
        try
        {
            int read = await body.ReadAtLeastAsync(value.Memory, count, throwOnEndOfStream: false, cancellationToken);
            if (read < count)
            {
                throw new HttpTransientException($"the body ended after {read} of its {count} bytes");
            }
            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A body of unannounced length, to its end or to <paramref name="take"/> bytes; without
    /// <paramref name="take"/>, a body beyond <see cref="HttpStoreOptions.MaxValueBytes"/> is refused.
    /// </summary>
    private async ValueTask<StoreValue> ReadToEndAsync(Stream body, long? take, Uri uri, string key, CancellationToken cancellationToken)
    {
        long limit = take ?? Options.MaxValueBytes;
        using var buffer = new PooledBufferWriter(CopyBufferBytes, Math.Max(1, limit));
        while (buffer.WrittenCount < limit)
        {
            int want = (int)Math.Min(limit - buffer.WrittenCount, CopyBufferBytes);
            int n = await body.ReadAsync(buffer.GetMemory(want)[..want], cancellationToken);
            if (n == 0)
            {
                break;
            }
            buffer.Advance(n);
        }
        if (take is null && buffer.WrittenCount == limit)
        {
            byte[] probe = new byte[1];
            if (await body.ReadAsync(probe, cancellationToken) > 0)
            {
                CheckSize(limit + 1, uri, key);
            }
        }
        StoreValue value = StoreValue.Rent(buffer.WrittenCount);
        buffer.WrittenSpan.CopyTo(value.Memory.Span);
        return value;
    }

    private static ConformanceException Refused(Uri uri, string what) =>
        new(ZarrRules.HttpResponse, uri.AbsoluteUri, $"GET {uri.AbsoluteUri} {what}", Outcome.Unavailable);
}
