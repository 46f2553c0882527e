using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>A store held in memory; safe for concurrent use.</summary>
public sealed class MemoryStore : Store
{
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public override ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckKey(key);
        if (!_values.TryGetValue(key, out byte[]? value))
        {
            return ValueTask.FromResult<StoreValue?>(null);
        }
        (long offset, long length) = (range ?? ByteRange.Full).Resolve(value.Length);
        StoreValue result = StoreValue.Rent((int)length);
        value.AsSpan((int)offset, (int)length).CopyTo(result.Memory.Span);
        return ValueTask.FromResult<StoreValue?>(result);
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckKey(key);
        _values[key] = value.ToArray();
        return ValueTask.CompletedTask;
    }

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckKey(key);
        _values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        foreach (string key in _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default)
    {
        StoreKeys.CheckPrefix(prefix);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string key in _values.Keys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            int slash = key.IndexOf('/', prefix.Length);
            if (slash < 0)
            {
                keys.Add(key);
            }
            else
            {
                prefixes.Add(key[..(slash + 1)]);
            }
        }
        return ValueTask.FromResult(new StoreListing([.. keys], [.. prefixes]));
    }
}
