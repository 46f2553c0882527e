namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// The abstract store interface of the Zarr v3 core spec ("Stores"): readable (<c>get</c>,
/// <c>get_partial_values</c>), writeable (<c>set</c>, <c>erase</c>, <c>erase_values</c>,
/// <c>erase_prefix</c>) and listable (<c>list</c>, <c>list_prefix</c>, <c>list_dir</c>).
/// Keys are case-sensitive strings that do not end in "/"; prefixes end in "/" (the empty
/// prefix is the whole store). Operations are asynchronous because stores may be remote;
/// the partial-value operations fall back to the single-value ones, as the spec recommends.
/// </summary>
public abstract class Store
{
    public virtual bool IsWritable => true;

    public virtual bool IsListable => true;

    /// <summary>The value at <paramref name="key"/> (or its <paramref name="range"/>), or null when there is none.</summary>
    public abstract ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Several (key, range) reads; missing keys give null entries, in request order.</summary>
    public virtual async ValueTask<IReadOnlyList<StoreValue?>> GetPartialValuesAsync(IReadOnlyList<(string Key, ByteRange Range)> keyRanges, CancellationToken cancellationToken = default)
    {
        var values = new StoreValue?[keyRanges.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = await GetAsync(keyRanges[i].Key, keyRanges[i].Range, cancellationToken);
        }
        return values;
    }

    /// <summary>Stores a value; a reader never sees a half-written value.</summary>
    public abstract ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Removes a key; removing a missing key is not an error.</summary>
    public abstract ValueTask EraseAsync(string key, CancellationToken cancellationToken = default);

    public virtual async ValueTask EraseValuesAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (string key in keys)
        {
            await EraseAsync(key, cancellationToken);
        }
    }

    public virtual async ValueTask ErasePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (string key in ListPrefixAsync(prefix, cancellationToken))
        {
            keys.Add(key);
        }
        await EraseValuesAsync(keys, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default) => ListPrefixAsync("", cancellationToken);

    /// <summary>Every key that starts with <paramref name="prefix"/>.</summary>
    public abstract IAsyncEnumerable<string> ListPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Keys and child prefixes directly under <paramref name="prefix"/>, each sorted ordinally.</summary>
    public abstract ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="key"/> has a value.</summary>
    public virtual async ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        using StoreValue? value = await GetAsync(key, ByteRange.FromStart(0, 0), cancellationToken);
        return value is not null;
    }
}
