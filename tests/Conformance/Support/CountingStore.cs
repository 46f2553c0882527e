using System.Runtime.CompilerServices;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Tests.Support;

/// <summary>A store that passes everything to an inner store and counts the reads it serves.</summary>
public sealed class CountingStore(Store inner) : Store
{
    private long _bytesServed;
    private int _reads;

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    public int Reads => _reads;

    public List<(string Key, ByteRange? Range)> Requests { get; } = [];

    public void Reset()
    {
        Interlocked.Exchange(ref _bytesServed, 0);
        Interlocked.Exchange(ref _reads, 0);
        lock (Requests)
        {
            Requests.Clear();
        }
    }

    public override async ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        StoreValue? value = await inner.GetAsync(key, range, cancellationToken);
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _bytesServed, value?.Length ?? 0);
        lock (Requests)
        {
            Requests.Add((key, range));
        }
        return value;
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        inner.SetAsync(key, value, cancellationToken);

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default) =>
        inner.EraseAsync(key, cancellationToken);

    public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (string key in inner.ListPrefixAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default) =>
        inner.ListDirAsync(prefix, cancellationToken);
}
