using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Array and group metadata documents: the members they must and may hold.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#metadata"/></remarks>
internal static class MetadataCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("metadata");
        FixtureCase c = a.Case("attributes", "Arrays and groups keep arbitrary JSON attributes, including nested values and non-ASCII text.",
            Core("array-metadata-attributes"));
        c.Group("/", GroupDoc(new JsonMembers { { "title", "Groupe d'essai ✓" }, { "empty", new JsonMembers() }, { "list", L(1, "two", null, true) } }));
        new FixtureArray("uint8", [3], [3], 0, 0, V(1, 2, 3), meta: new JsonMembers
        {
            {
                "attributes", new JsonMembers
                {
                    { "units", "m/s" },
                    { "scale", R("0.5") },
                    { "nested", new JsonMembers { { "a", L(1, new JsonMembers { { "b", null } }) }, { "c", "日本語" } } },
                }
            },
        }).AddTo(c, "/data");

        a.Valid("dimension-names", "dimension_names may mix strings and null (unnamed) entries, one per dimension.",
            Core("array-metadata-dimension-names"),
            new FixtureArray("int8", [2, 3], [2, 3], 0, 0, V(1, -2, 3, -4, 5, -6), meta: new JsonMembers { { "dimension_names", L("y", null) } }));
        a.Valid("dimension-names-repeated", "Repeated dimension names are only discouraged, so the array opens.",
            Core("array-metadata-dimension-names"),
            new FixtureArray("uint8", [2, 2], [2, 2], 0, 0, V(1, 2, 3, 4), meta: new JsonMembers { { "dimension_names", L("x", "x") } }),
            warnings: ["ZARR-META-013"]);
        a.Valid("storage-transformers-empty", "An empty storage_transformers list means no storage transformer.",
            Core("array-metadata-storage-transformers"),
            new FixtureArray("uint16", [4], [2], 0, 0, V(1, 2, 3, 65535), meta: new JsonMembers { { "storage_transformers", L() } }));
        a.Valid("zero-length-dimension", "An array with a zero-length dimension has no elements and no chunks.",
            Core("array-metadata-shape"), new FixtureArray("int32", [0, 3], [2, 3], 7, 7, V()));

        a.Bad("not-json", "zarr.json that is not valid JSON cannot be opened.", Core("metadata"), "ZARR-META-001",
            "{\"zarr_format\": 3, \"node_type\": \"array\", \"shape\": [4],\n"u8.ToArray());
        a.Bad("json-array", "A metadata document must be a JSON object, not an array.", Core("metadata"), "ZARR-META-001",
            L(Base()));
        JsonMembers duplicate = Base();
        duplicate.Add("shape", L(8));
        a.Bad("duplicate-member", "A metadata object naming the same member twice is refused.", Core("metadata"),
            "ZARR-META-015", duplicate);
        a.Bad("zarr-format-missing", "zarr_format is mandatory.", Core("array-metadata-zarr-format"), "ZARR-META-002",
            Base(("zarr_format", Drop)));
        a.Bad("zarr-format-2", "zarr_format 2 in a zarr.json is another format version, which a v3 reader does not support.",
            Core("array-metadata-zarr-format"), "ZARR-META-002", Base(("zarr_format", 2)), expect: "unsupported");
        a.Bad("zarr-format-string", "zarr_format must be the integer 3, not a string.", Core("array-metadata-zarr-format"),
            "ZARR-META-002", Base(("zarr_format", "3")));
        a.Bad("node-type-missing", "node_type is mandatory.", Core("array-metadata-node-type"), "ZARR-META-003",
            Base(("node_type", Drop)));
        a.Bad("node-type-unknown", "node_type must be \"array\" or \"group\".", Core("array-metadata-node-type"),
            "ZARR-META-003", Base(("node_type", "foo")));
        a.Bad("shape-missing", "shape is mandatory for an array.", Core("array-metadata-shape"), "ZARR-META-004",
            Base(("shape", Drop)));
        a.Bad("shape-negative", "Dimension lengths cannot be negative.", Core("array-metadata-shape"), "ZARR-META-004",
            Base(("shape", L(-4))));
        a.Bad("shape-fraction", "Dimension lengths are integers, so 1.5 is refused.", Core("array-metadata-shape"),
            "ZARR-META-004", Base(("shape", L(R("1.5")))));
        a.Bad("data-type-missing", "data_type is mandatory for an array.", Core("array-metadata-data-type"),
            "ZARR-META-005", Base(("data_type", Drop)));
        a.Bad("chunk-grid-missing", "chunk_grid is mandatory for an array.", Core("array-metadata-chunk-grid"),
            "ZARR-META-006", Base(("chunk_grid", Drop)));
        a.Bad("chunk-key-encoding-missing", "chunk_key_encoding is mandatory for an array.",
            Core("array-metadata-chunk-key-encoding"), "ZARR-META-007", Base(("chunk_key_encoding", Drop)));
        a.Bad("fill-value-missing", "fill_value is mandatory for an array.", Core("array-metadata-fill-value"),
            "ZARR-META-008", Base(("fill_value", Drop)));
        a.Bad("codecs-empty", "codecs must hold an array -> bytes codec, so it cannot be empty.",
            Core("array-metadata-codecs"), "ZARR-META-009", Base(("codecs", L())));
        a.Bad("attributes-not-object", "Array attributes must be a JSON object.", Core("array-metadata-attributes"),
            "ZARR-META-010", Base(("attributes", L(1, 2))));
        a.Bad("group-attributes-not-object", "Group attributes must be a JSON object.", Core("group-metadata"),
            "ZARR-META-010", GroupDoc("title"));
        a.Bad("storage-transformers-not-list", "storage_transformers must be a list.",
            Core("array-metadata-storage-transformers"), "ZARR-META-011", Base(("storage_transformers", new JsonMembers())));
        a.Bad("dimension-names-wrong-length", "dimension_names needs exactly one entry per dimension.",
            Core("array-metadata-dimension-names"), "ZARR-META-012", Base(("dimension_names", L("x", "y"))));
        a.Bad("dimension-names-not-string", "Each dimension name is a string or null.",
            Core("array-metadata-dimension-names"), "ZARR-META-012", Base(("dimension_names", L(1))));
        return a.Cases;
    }
}
