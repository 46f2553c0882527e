using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Extension definitions: short-hand names, must_understand, naming, and unknown members.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#extension-definition"/></remarks>
internal static class ExtensionCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("extensions");
        string must = Core("extension-definition-must-understand");
        string definition = Core("extension-definition");

        a.Valid("short-hand-names", "Extensions without configuration may be written as bare names.",
            Core("extension-definition-short-hand-name"),
            new FixtureArray("uint8", [4], [2], 0, 0, V(1, 2, 3, 4), keys: "default", codecs: L("bytes", "crc32c")));
        a.Valid("must-understand-true", "An explicit \"must_understand\": true on known extensions changes nothing.", must,
            new FixtureArray("int16", [4], [2], 0, 0, V(1, -2, 3, -4),
                keys: new JsonMembers { { "name", "default" }, { "configuration", new JsonMembers { { "separator", "/" } } }, { "must_understand", true } },
                codecs: L(new JsonMembers { { "name", "bytes" }, { "configuration", new JsonMembers { { "endian", "little" } } }, { "must_understand", true } },
                    new JsonMembers { { "name", "crc32c" }, { "must_understand", true } }),
                meta: new JsonMembers { { "chunk_grid", new JsonMembers { { "name", "regular" }, { "configuration", new JsonMembers { { "chunk_shape", L(2) } } }, { "must_understand", true } } } }));
        a.Valid("unknown-field-ignorable", "An unknown array member marked \"must_understand\": false is ignored.", must,
            new FixtureArray("uint8", [2], [2], 0, 0, V(1, 2), meta: new JsonMembers { { "example_extension", new JsonMembers { { "must_understand", false }, { "data", L(1, 2) } } } }));
        FixtureCase c = a.Case("unknown-group-field-ignorable", "An unknown group member marked \"must_understand\": false is ignored.", must);
        c.Group("/", GroupDoc(null, ("example_extension", new JsonMembers { { "must_understand", false }, { "note", "ignore me" } })));
        a.Valid("unknown-codec-ignorable", "An unknown codec marked \"must_understand\": false is skipped when decoding.", must,
            new FixtureArray("int16", [3], [3], 0, 0, V(5, 6, 7), codecs: L(Le, new JsonMembers
            {
                { "name", "example.optional-codec" },
                { "configuration", new JsonMembers { { "anything", L(1, 2) } } },
                { "must_understand", false },
            })));
        a.Valid("uri-named-codec-ignorable", "URI extension names are still permitted; this ignorable one is skipped.",
            Core("extension-naming"),
            new FixtureArray("uint8", [2], [2], 0, 0, V(3, 4), codecs: L(Bytes, new JsonMembers
            {
                { "name", "https://example.com/zarr/optional-codec" },
                { "must_understand", false },
            })));
        a.Valid("unknown-storage-transformer-ignorable",
            "An unknown storage transformer marked \"must_understand\": false is ignored.",
            Core("array-metadata-storage-transformers"),
            new FixtureArray("uint8", [2], [2], 0, 0, V(9, 8), meta: new JsonMembers
            {
                { "storage_transformers", L(new JsonMembers { { "name", "example.optional-transformer" }, { "must_understand", false } }) },
            }));

        a.Bad("data-type-must-understand-false", "A data type cannot be marked \"must_understand\": false.", must,
            "ZARR-EXT-003", Base(("data_type", new JsonMembers { { "name", "int16" }, { "must_understand", false } })));
        a.Bad("chunk-grid-must-understand-false", "A chunk grid cannot be marked \"must_understand\": false.", must,
            "ZARR-EXT-003", Base(("chunk_grid", Edit(Regular(4), ("must_understand", false)))));
        a.Bad("chunk-key-encoding-must-understand-false", "A chunk key encoding cannot be marked \"must_understand\": false.",
            must, "ZARR-EXT-003", Base(("chunk_key_encoding", Edit(KeysDefault(), ("must_understand", false)))));
        a.Bad("extra-member", "An extension object has only name, configuration and must_understand.", definition,
            "ZARR-EXT-001", Base(("codecs", L(Edit(Le, ("version", 1))))));
        a.Bad("name-missing", "An extension object needs a name.", definition, "ZARR-EXT-001",
            Base(("codecs", L(new JsonMembers { { "configuration", new JsonMembers { { "endian", "little" } } } }))));
        a.Bad("configuration-not-object", "An extension's configuration must be an object.", definition, "ZARR-EXT-001",
            Base(("codecs", L(Le, new JsonMembers { { "name", "gzip" }, { "configuration", L(1) } }))));
        a.Bad("must-understand-not-boolean", "must_understand is a JSON boolean, not a string.", definition, "ZARR-EXT-001",
            Base(("codecs", L(Le, new JsonMembers { { "name", "crc32c" }, { "must_understand", "false" } }))));
        a.Bad("invalid-name", "\"Foo/Bar\" is neither a registered-style name nor a URI, even when ignorable.",
            Core("extension-naming"), "ZARR-EXT-004",
            Base(("codecs", L(Le, new JsonMembers { { "name", "Foo/Bar" }, { "must_understand", false } }))));
        a.Bad("unknown-field", "An unknown array member without \"must_understand\": false stops the array opening.", must,
            "ZARR-EXT-002", Base(("example_extension", new JsonMembers { { "data", 1 } })), expect: "unsupported");
        a.Bad("unknown-field-must-understand-true", "An unknown member marked \"must_understand\": true stops the array opening.",
            must, "ZARR-EXT-002", Base(("example_extension", new JsonMembers { { "must_understand", true } })), expect: "unsupported");
        a.Bad("unknown-group-field", "An unknown group member that is not an object cannot be ignored.", must,
            "ZARR-EXT-002", GroupDoc(null, ("example_extension", 42)), expect: "unsupported");
        a.Bad("unknown-storage-transformer", "A storage transformer this implementation does not know is unsupported.",
            Core("array-metadata-storage-transformers"), "ZARR-STORE-002",
            Base(("storage_transformers", L(new JsonMembers { { "name", "example.unknown-transformer" } }))), expect: "unsupported");
        return a.Cases;
    }
}
