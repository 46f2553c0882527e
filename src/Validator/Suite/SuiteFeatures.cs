using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Validator.Suite;

/// <summary>
/// The feature vocabulary of the adapter protocol (spec/adapter-protocol.md): what a case needs
/// and an adapter claims. Roles (<c>read</c>, <c>write</c>, <c>validate</c>), then one feature per
/// data type, codec and chunk key encoding by its metadata name, and two shapes of sharding that
/// readers often lack.
/// </summary>
public static partial class SuiteFeatures
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Validate = "validate";
    public const string ShardIndexAtStart = "sharding:index-start";
    public const string NestedSharding = "sharding:nested";

    /// <summary>Names the registered extensions define rather than the core spec and its codec pages.</summary>
    private static readonly HashSet<string> Extensions = new(StringComparer.Ordinal)
    {
        "data-type:string", "data-type:bytes", "codec:zstd", "codec:vlen-utf8", "codec:vlen-bytes",
    };

    /// <summary>Every feature the reference implements, which its adapter claims.</summary>
    public static IReadOnlyList<string> Reference { get; } =
    [
        Read, Write, Validate,
        .. new[] { "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64", "complex64", "complex128", "r*", "string", "bytes" }.Select(t => "data-type:" + t),
        .. new[] { "bytes", "transpose", "gzip", "zstd", "blosc", "crc32c", "sharding_indexed", "vlen-utf8", "vlen-bytes" }.Select(c => "codec:" + c),
        "chunk-key-encoding:default", "chunk-key-encoding:v2", ShardIndexAtStart, NestedSharding,
    ];

    /// <summary>Whether a feature comes from a registered extension rather than the core spec.</summary>
    public static bool IsExtension(string feature) =>
        Extensions.Contains(feature) || (feature.StartsWith("data-type:", StringComparison.Ordinal) && !Reference.Contains(feature))
        || (feature.StartsWith("codec:", StringComparison.Ordinal) && !Reference.Contains(feature));

    /// <summary>
    /// The features reading or writing an array with this metadata document needs, in the
    /// protocol's vocabulary: unreadable parts, names outside the vocabulary (which a reader is to
    /// refuse, not support) and codecs marked <c>"must_understand": false</c> (which a reader may
    /// skip) add none.
    /// </summary>
    public static SortedSet<string> Of(JsonElement metadata)
    {
        SortedSet<string> features = Named(metadata);
        features.IntersectWith(Reference);
        return features;
    }

    private static SortedSet<string> Named(JsonElement metadata)
    {
        var features = new SortedSet<string>(StringComparer.Ordinal);
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            return features;
        }
        if (Name(metadata, "data_type") is string type)
        {
            features.Add("data-type:" + (RawBits().IsMatch(type) ? "r*" : type));
        }
        if (Name(metadata, "chunk_key_encoding") is string keys)
        {
            features.Add("chunk-key-encoding:" + keys);
        }
        if (metadata.TryGetProperty("codecs", out JsonElement codecs))
        {
            AddCodecs(codecs, features, insideShard: false);
        }
        return features;
    }

    private static void AddCodecs(JsonElement codecs, SortedSet<string> features, bool insideShard)
    {
        if (codecs.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (JsonElement codec in codecs.EnumerateArray())
        {
            if (Name(codec, null) is not string name
                || (codec.ValueKind == JsonValueKind.Object && codec.TryGetProperty("must_understand", out JsonElement flag) && flag.ValueKind == JsonValueKind.False))
            {
                continue;
            }
            features.Add("codec:" + name);
            if (name != "sharding_indexed" || codec.ValueKind != JsonValueKind.Object || !codec.TryGetProperty("configuration", out JsonElement configuration) || configuration.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            if (insideShard)
            {
                features.Add(NestedSharding);
            }
            if (configuration.TryGetProperty("index_location", out JsonElement location) && location.ValueKind == JsonValueKind.String && location.GetString() == "start")
            {
                features.Add(ShardIndexAtStart);
            }
            if (configuration.TryGetProperty("codecs", out JsonElement inner))
            {
                AddCodecs(inner, features, insideShard: true);
            }
            if (configuration.TryGetProperty("index_codecs", out JsonElement index))
            {
                AddCodecs(index, features, insideShard: false);
            }
        }
    }

    /// <summary>The name of an extension point given as a string or as an object with a name (core spec, "Extension definition").</summary>
    private static string? Name(JsonElement owner, string? member)
    {
        JsonElement value = owner;
        if (member is not null && (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(member, out value)))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String => name.GetString(),
            _ => null,
        };
    }

    [GeneratedRegex("^r[1-9][0-9]*$")]
    private static partial Regex RawBits();
}
