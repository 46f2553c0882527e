namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// A failed HTTP attempt worth retrying: a 5xx, 408 or 429 answer, a time-out, a dropped
/// connection or a truncated body. <see cref="HttpStore"/> retries these and turns the last
/// one into a <see cref="ConformanceException"/>.
/// </summary>
internal sealed class HttpTransientException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The wait the server asked for with <c>Retry-After</c>, if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
