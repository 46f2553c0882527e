namespace Conformance.Tests.Support;

/// <summary>
/// Samples the managed heap on a background thread while it is alive; <see cref="PeakBytes"/> is
/// the largest heap seen above the level at the start.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly long _baseline;
    private readonly Thread _sampler;
    private volatile bool _stop;
    private long _peak;

    public PeakMemory()
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _sampler = new Thread(() =>
        {
            while (!_stop)
            {
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false)));
                Thread.Sleep(1);
            }
        })
        { IsBackground = true };
        _sampler.Start();
    }

    public long PeakBytes => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    public void Dispose()
    {
        _stop = true;
        _sampler.Join();
    }
}
