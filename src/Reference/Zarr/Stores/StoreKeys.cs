namespace Conformance.Reference.Zarr.Stores;

/// <summary>Checks on keys and prefixes handed to a store.</summary>
public static class StoreKeys
{
    /// <summary>
    /// A key is non-empty, does not start or end with "/", and has no empty, "." or ".."
    /// segment (which a file system would resolve elsewhere).
    /// </summary>
    public static void CheckKey(string key)
    {
        if (key.Length == 0 || key[0] == '/' || key[^1] == '/' || !SegmentsOk(key))
        {
            throw new ConformanceException(ZarrRules.StoreKey, key, $"'{key}' is not a valid store key");
        }
    }

    /// <summary>A prefix is empty (the whole store) or a key followed by "/".</summary>
    public static void CheckPrefix(string prefix)
    {
        if (prefix.Length > 0 && (prefix[^1] != '/' || prefix.Length == 1 || !SegmentsOk(prefix[..^1]) || prefix[0] == '/'))
        {
            throw new ConformanceException(ZarrRules.StoreKey, prefix, $"'{prefix}' is not a valid store prefix");
        }
    }

    private static bool SegmentsOk(string key)
    {
        foreach (Range segment in key.AsSpan().Split('/'))
        {
            ReadOnlySpan<char> s = key.AsSpan()[segment];
            if (s.Length == 0 || s is "." or ".." || s.Contains('\\') || s.Contains('\0'))
            {
                return false;
            }
        }
        return true;
    }
}
