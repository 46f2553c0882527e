using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Conformance.Tests.Support;

/// <summary>
/// Misbehaviour that a <see cref="TestHttpServer"/> puts in front of its files, switched per
/// test, and what it saw: how many requests, how many in flight at once, and each request's
/// path, Range header, status and Content-Length.
/// </summary>
public sealed class HttpFaults(string root)
{
    private readonly Lock _settings = new();
    private int _failuresLeft;
    private int _failStatus;
    private int? _retryAfterSeconds;
    private bool _failAlways;
    private int _truncationsLeft;
    private int _requests;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Time each request waits before it is answered (the request's abort ends the wait).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Drops the Range header, as a server without range support would.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, a ranged request is answered 206 with this Content-Range and as many zero bytes as it claims.</summary>
    public string? ContentRange { get; set; }

    /// <summary>When set, answers carry this Content-Encoding (over unchanged bytes).</summary>
    public string? ContentEncoding { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Most requests held in <see cref="Delay"/> at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public ConcurrentQueue<(string Path, string? Range, int Status, long? ContentLength)> Log { get; } = new();

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/>, then service is normal.</summary>
    public void FailNext(int count, int status, int? retryAfterSeconds = null)
    {
        lock (_settings)
        {
            _failuresLeft = count;
            _failStatus = status;
            _retryAfterSeconds = retryAfterSeconds;
        }
    }

    /// <summary>Every request gets <paramref name="status"/>.</summary>
    public void FailAlways(int status)
    {
        lock (_settings)
        {
            _failAlways = true;
            _failStatus = status;
        }
    }

    /// <summary>The next <paramref name="count"/> requests get a Content-Length of the whole file, half of it, and a dropped connection.</summary>
    public void TruncateNext(int count) => Volatile.Write(ref _truncationsLeft, count);

    public void Reset()
    {
        lock (_settings)
        {
            _failuresLeft = 0;
            _failAlways = false;
            _retryAfterSeconds = null;
            _truncationsLeft = 0;
            _requests = 0;
            _inFlight = 0;
            _maxInFlight = 0;
            Delay = TimeSpan.Zero;
            IgnoreRange = false;
            ContentRange = null;
            ContentEncoding = null;
            Log.Clear();
        }
    }

    internal async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _requests);
        if (Delay > TimeSpan.Zero && !await WaitAsync(context))
        {
            return;
        }
        if (TakeFailure() is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is int seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            Record(context);
            return;
        }
        if (Interlocked.Decrement(ref _truncationsLeft) >= 0)
        {
            await TruncateAsync(context);
            return;
        }
        if (IgnoreRange)
        {
            context.Request.Headers.Remove("Range");
        }
        if (ContentRange is string contentRange && context.Request.Headers.Range.Count > 0)
        {
            await AnswerWithContentRangeAsync(context, contentRange);
            return;
        }
        // Recorded as the answer starts, so the record is there before the client has the body.
        context.Response.OnStarting(() =>
        {
            if (ContentEncoding is string coding)
            {
                context.Response.Headers.ContentEncoding = coding;
            }
            Record(context);
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>
    /// Holds the request for <see cref="Delay"/>, counting the requests held at once: each is
    /// one the client has in flight, since it was sent and has not been answered. False when
    /// the client gave up first.
    /// </summary>
    private async Task<bool> WaitAsync(HttpContext context)
    {
        int inFlight = Interlocked.Increment(ref _inFlight);
        int max = Volatile.Read(ref _maxInFlight);
        while (inFlight > max)
        {
            int seen = Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
            max = seen == max ? inFlight : seen;
        }
        try
        {
            await Task.Delay(Delay, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private (int Status, int? RetryAfter)? TakeFailure()
    {
        lock (_settings)
        {
            if (_failAlways || _failuresLeft > 0)
            {
                _failuresLeft--;
                return (_failStatus, _retryAfterSeconds);
            }
            return null;
        }
    }

    private void Record(HttpContext context) =>
        Log.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.Range.Count > 0 ? context.Request.Headers.Range.ToString() : null, context.Response.StatusCode, context.Response.ContentLength));

    private async Task TruncateAsync(HttpContext context)
    {
        string file = Path.Combine(root, (context.Request.Path.Value ?? "").TrimStart('/'));
        if (!File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        byte[] body = await File.ReadAllBytesAsync(file, context.RequestAborted);
        context.Response.StatusCode = 200;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static async Task AnswerWithContentRangeAsync(HttpContext context, string contentRange)
    {
        string[] bounds = contentRange.Split(' ', '/')[1].Split('-');
        long length = long.Parse(bounds[1], CultureInfo.InvariantCulture) - long.Parse(bounds[0], CultureInfo.InvariantCulture) + 1;
        context.Response.StatusCode = 206;
        context.Response.Headers.ContentRange = contentRange;
        context.Response.ContentLength = length;
        await context.Response.Body.WriteAsync(new byte[length], context.RequestAborted);
    }
}
