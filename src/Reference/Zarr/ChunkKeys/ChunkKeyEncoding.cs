using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.ChunkKeys;

/// <summary>
/// The core chunk key encodings: <c>default</c> (prefix <c>c</c>, separator "/" unless
/// configured ".") and <c>v2</c> (no prefix, separator "." unless configured "/"; a 0-d
/// array's chunk is "0").
/// </summary>
public sealed class ChunkKeyEncoding
{
    private ChunkKeyEncoding(string name, char separator)
    {
        Name = name;
        Separator = separator;
    }

    public static ChunkKeyEncoding Default { get; } = new("default", '/');

    public static ChunkKeyEncoding V2 { get; } = new("v2", '.');

    /// <summary><c>default</c> or <c>v2</c>.</summary>
    public string Name { get; }

    public char Separator { get; }

    public static ChunkKeyEncoding Create(string name, char separator)
    {
        if (name is not ("default" or "v2") || separator is not ('/' or '.'))
        {
            throw new ArgumentException($"no chunk key encoding {name} with separator '{separator}'");
        }
        return new ChunkKeyEncoding(name, separator);
    }

    public static ChunkKeyEncoding Parse(ExtensionObject definition, string location)
    {
        if (!definition.MustUnderstand)
        {
            throw new ConformanceException(ZarrRules.MustUnderstandNotAllowed, location, "must_understand: false is not allowed for a chunk key encoding");
        }
        if (definition.Name is not ("default" or "v2"))
        {
            throw new ConformanceException(ZarrRules.UnknownChunkKeyEncoding, location, $"chunk key encoding '{definition.Name}' is not supported", Outcome.Unsupported);
        }
        var configuration = new Configuration(definition, location, ZarrRules.KeySeparator);
        configuration.RejectUnknown("separator");
        string? separator = configuration.GetString("separator", required: false);
        char chosen = separator switch
        {
            null => definition.Name == "default" ? '/' : '.',
            "/" => '/',
            "." => '.',
            _ => throw configuration.Fail("separator", $"separator must be \"/\" or \".\", not \"{separator}\""),
        };
        return new ChunkKeyEncoding(definition.Name, chosen);
    }

    /// <summary>The key of the chunk at <paramref name="index"/>, relative to the array's prefix.</summary>
    public string Encode(ReadOnlySpan<long> index)
    {
        var key = new StringBuilder(4 + (index.Length * 4));
        if (Name == "default")
        {
            key.Append('c');
            foreach (long i in index)
            {
                key.Append(Separator).Append(i.ToString(CultureInfo.InvariantCulture));
            }
            return key.ToString();
        }
        if (index.IsEmpty)
        {
            return "0";
        }
        for (int d = 0; d < index.Length; d++)
        {
            if (d > 0)
            {
                key.Append(Separator);
            }
            key.Append(index[d].ToString(CultureInfo.InvariantCulture));
        }
        return key.ToString();
    }

    /// <summary>
    /// The chunk index <paramref name="key"/> (relative to the array's prefix) encodes for an
    /// array of <paramref name="rank"/> dimensions, or null when it is not a key this encoding
    /// makes: the inverse of <see cref="Encode"/>, so that only canonical decimal forms match.
    /// </summary>
    public long[]? Decode(string key, int rank)
    {
        string body;
        if (Name == "default")
        {
            if (rank == 0)
            {
                return key == "c" ? [] : null;
            }
            if (!key.StartsWith("c" + Separator, StringComparison.Ordinal))
            {
                return null;
            }
            body = key[2..];
        }
        else
        {
            if (rank == 0)
            {
                return key == "0" ? [] : null;
            }
            body = key;
        }
        string[] parts = body.Split(Separator);
        if (parts.Length != rank)
        {
            return null;
        }
        long[] index = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            if (!long.TryParse(parts[d], NumberStyles.None, CultureInfo.InvariantCulture, out index[d])
                || index[d].ToString(CultureInfo.InvariantCulture) != parts[d])
            {
                return null;
            }
        }
        return index;
    }

    public ExtensionObject ToDefinition() => new(Name, new JsonObject { ["separator"] = Separator.ToString() });
}
