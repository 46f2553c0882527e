using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>The default and v2 chunk key encodings, with either separator and for 0-d arrays.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/chunk-key-encodings/default/#description"/></remarks>
internal static class ChunkKeyCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("chunk-keys");
        object[] vals = Ints(12, 1);
        a.Valid("default-slash", "The default encoding names chunks c/i/j.", KeyDefault,
            new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: KeysDefault("/")));
        a.Valid("default-dot", "The default encoding with separator \".\" names chunks c.i.j.", KeyDefault,
            new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: KeysDefault(".")));
        a.Valid("default-no-configuration", "The default encoding without configuration uses the separator \"/\".",
            KeyDefault, new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: new JsonMembers { { "name", "default" } }));
        a.Valid("v2-dot", "The v2 encoding names chunks i.j.", KeyV2,
            new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: KeysV2(".")));
        a.Valid("v2-slash", "The v2 encoding with separator \"/\" names chunks i/j.", KeyV2,
            new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: KeysV2("/")));
        a.Valid("v2-no-configuration", "The v2 encoding without configuration uses the separator \".\".", KeyV2,
            new FixtureArray("uint8", [3, 4], [2, 2], 0, 0, vals, keys: new JsonMembers { { "name", "v2" } }));
        a.Valid("zero-dim-default", "A 0-d array has one chunk, which the default encoding names c.", KeyDefault,
            new FixtureArray("float64", [], [], 0, FloatBits(8, 0.0), V(FloatBits(8, -1.5)), keys: KeysDefault("/")));
        a.Valid("zero-dim-v2", "A 0-d array has one chunk, which the v2 encoding names 0.", KeyV2,
            new FixtureArray("int64", [], [], 0, 0, V(long.MinValue), keys: KeysV2(".")));
        a.Valid("index-above-nine", "Chunk indices are written in decimal, so the eleventh chunk is c/10.", KeyDefault,
            new FixtureArray("int8", [12], [1], 0, 0, Each(12, i => i - 6)));

        a.Bad("unknown-encoding", "A chunk key encoding this implementation does not know is unsupported.",
            Core("array-metadata-chunk-key-encoding"), "ZARR-KEY-001",
            Base(("chunk_key_encoding", new JsonMembers { { "name", "example.unknown-keys" } })), expect: "unsupported");
        a.Bad("separator-dash", "The separator must be \"/\" or \".\".", KeyDefault, "ZARR-KEY-002",
            Base(("chunk_key_encoding", KeysDefault("-"))));
        a.Bad("v2-separator-empty", "The v2 separator must be \"/\" or \".\", not empty.", KeyV2, "ZARR-KEY-002",
            Base(("chunk_key_encoding", KeysV2(""))));
        return a.Cases;
    }
}
