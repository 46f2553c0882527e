using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Groups and arrays in a hierarchy, node names, and consolidated metadata.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#stored-representation"/></remarks>
internal static class HierarchyCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("hierarchy");
        string storage = Core("storage");

        FixtureCase c = a.Case("nested-groups", "Groups nest to any depth, each with its own zarr.json, and arrays sit at any level.",
            Core("stored-representation"));
        c.Group("/", GroupDoc(new JsonMembers { { "level", 0 } }));
        c.Group("/a", GroupDoc(new JsonMembers { { "level", 1 } }));
        c.Group("/a/b", GroupDoc());
        new FixtureArray("int16", [2, 2], [1, 2], 0, 0, V(1, -1, 2, -2)).AddTo(c, "/a/b/deep");
        new FixtureArray("uint8", [3], [2], 5, 5, V(7, 8, 9)).AddTo(c, "/top");
        new FixtureArray("float32", [2], [2], 0, FloatBits(4, 0.0), V(FloatBits(4, 0.5), FloatBits(4, -0.5))).AddTo(c, "/a/sibling.with.dots");

        c = a.Case("empty-group", "A root group with no children.", Core("group-metadata"));
        c.Group("/", GroupDoc());

        c = a.Case("reserved-prefix-ignored", "A folder whose name starts with \"__\" is not a child node, even with a zarr.json.",
            storage);
        c.Group("/", GroupDoc());
        new FixtureArray("uint8", [2], [2], 0, 0, V(1, 2)).AddTo(c, "/data");
        c.Raw("__extension/zarr.json", GroupDoc());

        c = a.Case("consolidated-metadata", "A root group may carry the metadata of all its descendants inline.",
            Core("additional-fields"));
        var x = new FixtureArray("int32", [4], [2], 0, 0, V(1, 2, 3, 4));
        var y = new FixtureArray("uint8", [2, 2], [2, 2], 0, 0, V(1, 2, 3, 4));
        JsonMembers sub = GroupDoc(new JsonMembers { { "name", "sub" } });
        c.Group("/", GroupDoc(new JsonMembers { { "consolidated", true } }, ("consolidated_metadata", new JsonMembers
        {
            { "kind", "inline" },
            { "must_understand", false },
            { "metadata", new JsonMembers { { "sub", sub }, { "sub/y", y.Doc() }, { "x", x.Doc() } } },
        })));
        c.Group("/sub", sub);
        y.AddTo(c, "/sub/y");
        x.AddTo(c, "/x");

        c = a.Case("missing-node", "A path with no zarr.json is not a node, so opening it fails.",
            Core("stored-representation"), "invalid", "/missing", "open", "ZARR-META-016");
        c.Raw("zarr.json", GroupDoc());
        var consolidated = new JsonMembers { { "kind", "inline" }, { "must_understand", false }, { "metadata", new JsonMembers() } };
        a.Bad("consolidated-kind-other", "consolidated_metadata kind must be \"inline\".", Core("additional-fields"),
            "ZARR-META-014", GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("kind", "other")))));
        a.Bad("consolidated-must-understand-missing", "consolidated_metadata must say \"must_understand\": false.",
            Core("additional-fields"), "ZARR-META-014", GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("must_understand", Drop)))));
        a.Bad("consolidated-reserved-name", "Node names must not start with \"__\", in consolidated metadata too.",
            Core("node-names"), "ZARR-NODE-001",
            GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("metadata", new JsonMembers { { "__x", GroupDoc() } })))));
        a.Bad("consolidated-dot-dot", "A node name made only of periods, such as \"..\", is refused.", Core("node-names"),
            "ZARR-NODE-001",
            GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("metadata", new JsonMembers { { "..", GroupDoc() } })))));
        a.Bad("consolidated-zarr-json-name", "\"zarr.json\" is not a node name.", Core("node-names"), "ZARR-NODE-001",
            GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("metadata", new JsonMembers { { "a/zarr.json", GroupDoc() }, { "a", GroupDoc() } })))));
        a.Bad("consolidated-entry-invalid", "Each consolidated entry is a metadata document held to the same rules.",
            Core("additional-fields"), "ZARR-META-003",
            GroupDoc(null, ("consolidated_metadata", Edit(consolidated, ("metadata", new JsonMembers { { "a", new JsonMembers { { "zarr_format", 3 }, { "node_type", "folder" } } } })))));
        return a.Cases;
    }
}
