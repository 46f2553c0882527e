using System.Globalization;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Builders for metadata documents and extension definitions (chunk grids, chunk key
/// encodings, codecs), and the edits the invalid cases make to a valid document. Each call
/// returns a new object, so editing one document never changes another.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#array-metadata"/></remarks>
internal static class Definitions
{
    /// <summary>In an edit, removes the member instead of setting it.</summary>
    public static readonly object Drop = new();

    public static List<object?> L(params object?[] items) => [.. items];

    public static JsonRaw R(string text) => new(text);

    /// <summary>Elements start, start + 1, ... as values of an array.</summary>
    public static object[] Ints(int count, int start = 0) => [.. Enumerable.Range(start, count).Select(i => (object)i)];

    public static object[] V(params object[] values) => values;

    /// <summary><paramref name="count"/> elements, each <paramref name="make"/> of its index.</summary>
    public static object[] Each(int count, Func<int, object> make) => [.. Enumerable.Range(0, count).Select(make)];

    public static JsonMembers Regular(params object?[] chunkShape) =>
        new() { { "name", "regular" }, { "configuration", new JsonMembers { { "chunk_shape", L(chunkShape) } } } };

    public static JsonMembers KeysDefault(string separator = "/") =>
        new() { { "name", "default" }, { "configuration", new JsonMembers { { "separator", separator } } } };

    public static JsonMembers KeysV2(string separator = ".") =>
        new() { { "name", "v2" }, { "configuration", new JsonMembers { { "separator", separator } } } };

    public static JsonMembers Le => new() { { "name", "bytes" }, { "configuration", new JsonMembers { { "endian", "little" } } } };

    public static JsonMembers Be => new() { { "name", "bytes" }, { "configuration", new JsonMembers { { "endian", "big" } } } };

    public static JsonMembers Bytes => new() { { "name", "bytes" } };

    public static JsonMembers Crc => new() { { "name", "crc32c" } };

    public static JsonMembers VlenUtf8 => new() { { "name", "vlen-utf8" } };

    public static JsonMembers VlenBytes => new() { { "name", "vlen-bytes" } };

    /// <summary>The index codecs sharding cases use unless they say otherwise.</summary>
    public static List<object?> ShardIndexCodecs => L(Le, Crc);

    public static JsonMembers Gz(int level) => new() { { "name", "gzip" }, { "configuration", new JsonMembers { { "level", level } } } };

    /// <summary>The zstd codec of zarr-extensions (codecs/zstd).</summary>
    public static JsonMembers Zstd(int level, bool checksum = false) =>
        new() { { "name", "zstd" }, { "configuration", new JsonMembers { { "level", level }, { "checksum", checksum } } } };

    public static JsonMembers Tr(params int[] order) =>
        new() { { "name", "transpose" }, { "configuration", new JsonMembers { { "order", order.Select(o => (object?)o).ToList() } } } };

    public static JsonMembers Shard(int[] inner, List<object?>? codecs = null, List<object?>? indexCodecs = null, string? location = null)
    {
        var configuration = new JsonMembers
        {
            { "chunk_shape", inner.Select(c => (object?)c).ToList() },
            { "codecs", codecs ?? L(Le) },
            { "index_codecs", indexCodecs ?? ShardIndexCodecs },
        };
        if (location is not null)
        {
            configuration.Add("index_location", location);
        }
        return new JsonMembers { { "name", "sharding_indexed" }, { "configuration", configuration } };
    }

    /// <summary>A copy of <paramref name="document"/> with members replaced (in place), appended, or removed (<see cref="Drop"/>).</summary>
    public static JsonMembers Edit(JsonMembers document, params (string Name, object? Value)[] changes)
    {
        var output = new JsonMembers();
        foreach ((string name, object? value) in document)
        {
            output.Add(name, value);
        }
        foreach ((string name, object? value) in changes)
        {
            if (ReferenceEquals(value, Drop))
            {
                output.Remove(name);
            }
            else
            {
                output[name] = value;
            }
        }
        return output;
    }

    public static JsonMembers Edit(JsonMembers document, JsonMembers changes) =>
        Edit(document, [.. changes.Select(m => (m.Key, m.Value))]);

    public static JsonMembers GroupDoc(object? attributes = null, params (string Name, object? Value)[] extra)
    {
        var document = new JsonMembers { { "zarr_format", 3 }, { "node_type", "group" } };
        if (attributes is not null)
        {
            document.Add("attributes", attributes);
        }
        return Edit(document, extra);
    }

    /// <summary>A small valid int16 array document, edited.</summary>
    public static JsonMembers Base(params (string Name, object? Value)[] changes) =>
        Edit(new FixtureArray("int16", [4], [4], 0, 0, [0, 0, 0, 0]).Doc(), changes);

    /// <summary>Name, configuration and must_understand of an extension definition, a short-hand name included.</summary>
    /// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#extension-definition"/></remarks>
    public static (string Name, JsonMembers Configuration, bool MustUnderstand) ExtParts(object? definition)
    {
        if (definition is string name)
        {
            return (name, new JsonMembers(), true);
        }
        var members = (JsonMembers)definition!;
        return ((string)members["name"]!,
            members.Contains("configuration") ? (JsonMembers)members["configuration"]! : new JsonMembers(),
            !members.Contains("must_understand") || (bool)members["must_understand"]!);
    }

    /// <summary>The store key of a chunk under a chunk key encoding.</summary>
    /// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/chunk-key-encodings/default/#description"/></remarks>
    public static string KeyOf(object? encoding, int[] index)
    {
        (string name, JsonMembers configuration, _) = ExtParts(encoding);
        string[] parts = [.. index.Select(i => i.ToString(CultureInfo.InvariantCulture))];
        return name switch
        {
            "default" => "c" + string.Concat(parts.Select(p => Separator(configuration, "/") + p)),
            "v2" => index.Length > 0 ? string.Join(Separator(configuration, "."), parts) : "0",
            _ => throw new ArgumentException("no chunk key encoding " + name, nameof(encoding)),
        };
    }

    /// <summary>A list of integers in a document, as numbers.</summary>
    public static int[] IntArray(object? list) =>
        [.. ((System.Collections.IList)list!).Cast<object?>().Select(x => (int)ElementValues.Integer(x))];

    private static string Separator(JsonMembers configuration, string fallback) =>
        configuration.Contains("separator") ? (string)configuration["separator"]! : fallback;
}
