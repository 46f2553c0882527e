namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Cases for what a validator finds beyond the first problem a reader meets: the store as a whole
/// (core spec, "Hierarchy", "Storage"), which a reader opening one node need not notice, each a
/// small valid hierarchy with one key added or removed; and a document with more than one
/// mistake, each of which must be reported.
/// </summary>
internal static class ValidatorCases
{
    private const string Core = "https://zarr-specs.readthedocs.io/en/latest/v3/core/";

    public static IEnumerable<FixtureCase> Cases()
    {
        FixtureCase arrayWithChild = Case("hierarchy", "array-with-child", "A group's metadata lies under an array's prefix, but arrays have no children.",
            Core + "#hierarchy", "invalid", rules: ["ZARR-HIER-001"]);
        Bytes(arrayWithChild, "/a", [1, 2, 3, 4]);
        arrayWithChild.Group("/a/inner");
        yield return arrayWithChild.Group("/");

        FixtureCase implied = Case("hierarchy", "group-without-metadata", "An array's parent folder has no zarr.json: every group needs its own metadata document.",
            Core + "#group-metadata", "invalid", rules: ["ZARR-HIER-002"]);
        Bytes(implied, "/g/a", [1, 2, 3, 4]);
        yield return implied.Group("/");

        FixtureCase stray = Case("hierarchy", "stray-key", "A key that is neither a metadata document nor a chunk key of an array is warned about; the hierarchy reads as if it were not there.",
            Core + "#storage", "valid", warnings: ["ZARR-STORE-004"]);
        Bytes(stray, "/a", [1, 2, 3, 4]);
        stray.Raw("notes.txt", "written by hand\n"u8.ToArray());
        stray.Raw("a/c/notes", "not a chunk key of a one-dimensional array\n"u8.ToArray());
        yield return stray.Group("/");

        FixtureCase outside = Case("chunk-keys", "chunk-outside-grid", "A stored chunk beyond the grid (as a shrinking resize leaves) is never read; it is warned about.",
            Core + "#resizing", "valid", warnings: ["ZARR-KEY-003"]);
        Bytes(outside, "/", [1, 2, 3, 4], chunk: 2);
        outside.Raw("c/5", new byte[] { 9, 9 });
        yield return outside;

        var several = new FixtureCase("zarr-v3", "metadata", "several-mistakes",
            "Two independent mistakes in one document, a dimension length that is not an integer and an unknown key separator: a validator reports both; a reader stops at either.",
            Core + "#array-metadata", "invalid", stage: "open", rules: ["ZARR-META-004", "ZARR-KEY-002"]);
        Bytes(several, "/", [1, 2, 3, 4], edit: document =>
        {
            document["shape"] = new List<object?> { new JsonRaw("4.5") };
            document["chunk_key_encoding"] = new JsonMembers { { "name", "default" }, { "configuration", new JsonMembers { { "separator", "-" } } } };
        });
        yield return several;
    }

    private static FixtureCase Case(string area, string name, string description, string spec, string expect, string[]? rules = null, string[]? warnings = null) =>
        new("zarr-v3", area, name, description, spec, expect, rules: rules, warnings: warnings);

    /// <summary>A one-dimensional uint8 array under the bytes codec, every chunk stored.</summary>
    private static void Bytes(FixtureCase fixture, string path, byte[] values, int chunk = 4, Action<JsonMembers>? edit = null)
    {
        string prefix = FixtureCase.Prefix(path);
        var document = new JsonMembers
        {
            { "zarr_format", 3 },
            { "node_type", "array" },
            { "shape", new List<object?> { values.Length } },
            { "data_type", "uint8" },
            { "chunk_grid", new JsonMembers { { "name", "regular" }, { "configuration", new JsonMembers { { "chunk_shape", new List<object?> { chunk } } } } } },
            { "chunk_key_encoding", new JsonMembers { { "name", "default" } } },
            { "fill_value", 0 },
            { "codecs", new List<object?> { new JsonMembers { { "name", "bytes" } } } },
        };
        edit?.Invoke(document);
        fixture.Raw(prefix + "zarr.json", document);
        for (int start = 0; start < values.Length; start += chunk)
        {
            fixture.Raw($"{prefix}c/{start / chunk}", values[start..Math.Min(values.Length, start + chunk)]);
        }
        if (fixture.Expect == "valid")
        {
            fixture.Arrays[path] = new JsonMembers
            {
                { "shape", new List<object?> { values.Length } },
                { "data_type", "uint8" },
                { "chunk_shape", new List<object?> { chunk } },
                { "fill_value", 0 },
                { "values", values.Select(v => (object?)(int)v).ToList() },
            };
        }
    }
}
