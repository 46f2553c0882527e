namespace Conformance.Reference.Zarr.Stores;

/// <summary>Limits, retries and time-outs of an <see cref="HttpStore"/>.</summary>
public sealed record HttpStoreOptions
{
    public static HttpStoreOptions Default { get; } = new();

    /// <summary>Requests in flight at once; more wait their turn.</summary>
    public int MaxConcurrentRequests { get; init; } = 16;

    /// <summary>
    /// Retries after a transient failure (5xx, 408, 429, a time-out, a dropped connection, a
    /// truncated body), on top of the first attempt.
    /// </summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Back-off before the first retry; it doubles for each further retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest back-off between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest <c>Retry-After</c> a server may ask for and be waited for; a longer one ends the
    /// retries at once.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time one attempt may take, from sending the request to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest value read into memory at once; a larger one is refused before it is read.</summary>
    public long MaxValueBytes { get; init; } = 1L << 30;
}
