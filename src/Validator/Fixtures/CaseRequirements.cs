using System.Text.Json;
using Conformance.Validator.Suite;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// What a case's manifest says about its scope: the features a reader needs for it (see
/// <see cref="SuiteFeatures"/>), whether any of them comes from an extension, and the catalog
/// requirements the case exercises. An invalid case exercises the rules it breaks; a valid one
/// every requirement its metadata and chunks meet: the members each array document carries,
/// its data type's fill-value form, its key encoding, and each codec's configuration and
/// encoded form.
/// </summary>
public static class CaseRequirements
{
    private static readonly Dictionary<string, string[]> ByFeature = new(StringComparer.Ordinal)
    {
        ["data-type:bool"] = ["ZARR-DTYPE-005", "ZARR-FILL-001"],
        ["data-type:int8"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:int16"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:int32"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:int64"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:uint8"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:uint16"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:uint32"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:uint64"] = ["ZARR-DTYPE-005", "ZARR-FILL-002"],
        ["data-type:float16"] = ["ZARR-DTYPE-005", "ZARR-FILL-003"],
        ["data-type:float32"] = ["ZARR-DTYPE-005", "ZARR-FILL-003"],
        ["data-type:float64"] = ["ZARR-DTYPE-005", "ZARR-FILL-003"],
        ["data-type:complex64"] = ["ZARR-DTYPE-005", "ZARR-FILL-004"],
        ["data-type:complex128"] = ["ZARR-DTYPE-005", "ZARR-FILL-004"],
        ["data-type:r*"] = ["ZARR-DTYPE-002", "ZARR-DTYPE-004", "ZARR-FILL-005"],
        ["data-type:string"] = ["ZARR-FILL-006"],
        ["data-type:bytes"] = ["ZARR-FILL-007"],
        ["chunk-key-encoding:default"] = ["ZARR-KEY-002", "ZARR-KEY-004"],
        ["chunk-key-encoding:v2"] = ["ZARR-KEY-002", "ZARR-KEY-004"],
        ["codec:bytes"] = ["ZARR-CODEC-BYTES-001", "ZARR-CODEC-BYTES-002"],
        ["codec:transpose"] = ["ZARR-CODEC-TRANSPOSE-001"],
        ["codec:gzip"] = ["ZARR-CODEC-GZIP-001", "ZARR-CODEC-GZIP-002"],
        ["codec:zstd"] = ["ZARR-CODEC-ZSTD-001", "ZARR-CODEC-ZSTD-002"],
        ["codec:crc32c"] = ["ZARR-CODEC-CRC32C-001", "ZARR-CODEC-CRC32C-002"],
        ["codec:vlen-utf8"] = ["ZARR-CODEC-VLEN-001", "ZARR-CODEC-VLEN-002"],
        ["codec:vlen-bytes"] = ["ZARR-CODEC-VLEN-001", "ZARR-CODEC-VLEN-002"],
        ["codec:blosc"] = ["ZARR-CODEC-BLOSC-001", "ZARR-CODEC-BLOSC-002"],
        ["codec:sharding_indexed"] = ["ZARR-CODEC-SHARDING-001", "ZARR-CODEC-SHARDING-002", "ZARR-CODEC-SHARDING-003", "ZARR-CODEC-SHARDING-004", "ZARR-CODEC-SHARDING-005", "ZARR-CODEC-SHARDING-007"],
    };

    /// <summary>Every array document's members the core spec requires (core spec, "Array metadata").</summary>
    private static readonly string[] ArrayDocument =
    [
        "ZARR-META-001", "ZARR-META-002", "ZARR-META-003", "ZARR-META-004", "ZARR-META-005", "ZARR-META-006", "ZARR-META-007", "ZARR-META-008", "ZARR-META-009",
        "ZARR-META-016", "ZARR-EXT-001", "ZARR-GRID-002", "ZARR-GRID-003", "ZARR-CODEC-001", "ZARR-CODEC-003", "ZARR-CODEC-007",
    ];

    /// <summary>The parsed metadata documents of a case's store, skipping any that are not JSON objects.</summary>
    public static IEnumerable<(string Key, JsonElement Document)> Documents(FixtureCase fixture)
    {
        foreach ((string key, byte[] bytes) in fixture.Files)
        {
            if (key != "zarr.json" && !key.EndsWith("/zarr.json", StringComparison.Ordinal))
            {
                continue;
            }
            JsonElement? document = null;
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(bytes);
                document = parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                // A case about broken JSON: nothing to derive from it.
            }
            if (document is JsonElement element)
            {
                yield return (key, element);
            }
        }
    }

    /// <summary>The features reading every array of the case needs.</summary>
    public static SortedSet<string> Features(FixtureCase fixture)
    {
        var features = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((_, JsonElement document) in Documents(fixture))
        {
            features.UnionWith(SuiteFeatures.Of(document));
        }
        return features;
    }

    /// <summary>The catalog rules the case exercises, in ID order.</summary>
    public static SortedSet<string> Of(FixtureCase fixture)
    {
        var rules = new SortedSet<string>(fixture.Rules.Concat(fixture.Warnings), StringComparer.Ordinal);
        if (fixture.Expect != "valid")
        {
            return rules;
        }
        foreach ((string key, JsonElement document) in Documents(fixture))
        {
            bool array = document.TryGetProperty("node_type", out JsonElement type) && type.ValueKind == JsonValueKind.String && type.GetString() == "array";
            if (key.Contains('/', StringComparison.Ordinal))
            {
                rules.Add("ZARR-HIER-002");
                rules.Add("ZARR-NODE-001");
            }
            if (!array)
            {
                rules.UnionWith(["ZARR-META-001", "ZARR-META-002", "ZARR-META-003", "ZARR-META-016"]);
                if (document.TryGetProperty("consolidated_metadata", out _))
                {
                    rules.Add("ZARR-META-014");
                }
                continue;
            }
            rules.UnionWith(ArrayDocument);
            foreach ((string member, string rule) in new[] { ("attributes", "ZARR-META-010"), ("storage_transformers", "ZARR-META-011"), ("dimension_names", "ZARR-META-012") })
            {
                if (document.TryGetProperty(member, out _))
                {
                    rules.Add(rule);
                }
            }
            SortedSet<string> features = SuiteFeatures.Of(document);
            foreach (string feature in features)
            {
                if (ByFeature.TryGetValue(feature, out string[]? more))
                {
                    rules.UnionWith(more);
                }
            }
            if (features.Contains("data-type:bool") && features.Contains("codec:bytes"))
            {
                rules.Add("ZARR-CODEC-BYTES-003");
            }
        }
        // A single-file case (GIFTI) has no chunks; its file is the whole of its data.
        if (fixture.File is null && fixture.Files.Keys.Any(k => !k.EndsWith("zarr.json", StringComparison.Ordinal)))
        {
            rules.Add("ZARR-CHUNK-001");
        }
        return rules;
    }
}
