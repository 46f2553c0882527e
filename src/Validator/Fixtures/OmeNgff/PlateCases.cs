using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// Cases about high-content screening (0.5 hcs-layout, plate-md, well-md): the plate of
/// <see cref="OmeBases.Plate"/> with one change.
/// </summary>
internal static class PlateCases
{
    private static readonly string Plate = OmeCase.V05("plate-md");
    private static readonly string Well = OmeCase.V05("well-md");
    private static readonly string Layout = OmeCase.V05("hcs-layout");

    public static IEnumerable<FixtureCase> Cases()
    {
        yield return OmeCase.Valid("plate", "plate-with-wells",
            "A 0.5 plate of rows A-B and columns 1-3 with two acquisitions, well A/1 holding two fields and well B/3 one, each field a y/x image of two levels.",
            Layout, OmeBases.Plate());

        yield return OmeCase.Invalid("plate", "wells-empty",
            "\"wells\" is an empty list; it must list the plate's wells.",
            Plate, OmeBases.Plate().Change(s => PlateOf(s)["wells"] = Doc.List()), OmeRules.Plate001);
        yield return OmeCase.Invalid("plate", "column-name-not-alphanumeric",
            "Column 2 (which holds no well) is named \"2-b\"; names must be alphanumeric.",
            Plate, OmeBases.Plate().Change(s => Entry(s, "columns", 1)["name"] = "2-b"), OmeRules.Plate002);
        yield return OmeCase.Invalid("plate", "duplicate-column-name",
            "The second column (which holds no well) is named \"1\" like the first; names must be unique.",
            Plate, OmeBases.Plate().Change(s => Entry(s, "columns", 1)["name"] = "1"), OmeRules.Plate002);
        yield return OmeCase.Invalid("plate", "well-path-not-its-indices",
            "Well A/1 has rowIndex 1, which names row B.",
            Plate, OmeBases.Plate().Change(s => Entry(s, "wells", 0)["rowIndex"] = 1), OmeRules.Plate003);
        yield return OmeCase.Invalid("plate", "well-index-out-of-range",
            "Well B/3 has columnIndex 3 on a plate of three columns (0-2).",
            Plate, OmeBases.Plate().Change(s => Entry(s, "wells", 1)["columnIndex"] = 3), OmeRules.Plate003);
        yield return OmeCase.Invalid("plate", "well-path-extra-level",
            "Well A/1's path is \"A/1/0\": a well path is a row name and a column name only, and A/1/0 is a field image, not a well group.",
            Plate, OmeBases.Plate().Change(s => Entry(s, "wells", 0)["path"] = "A/1/0"), OmeRules.Plate003, OmeRules.Plate004);
        yield return OmeCase.Invalid("plate", "well-group-missing",
            "The plate lists well B/2, for which the hierarchy has no group.",
            Layout, OmeBases.Plate().Change(s => Doc.Items(PlateOf(s)["wells"]).Add(OmeBases.Well("B/2", 1, 1))), OmeRules.Plate004);
        yield return OmeCase.Invalid("plate", "duplicate-acquisition-id",
            "A third acquisition repeats id 1; acquisition ids must be unique.",
            Plate, OmeBases.Plate().Change(s => Doc.Items(PlateOf(s)["acquisitions"]).Add(new JsonMembers { { "id", 1 }, { "name", "third pass" } })), OmeRules.Plate005);
        yield return OmeCase.Invalid("plate", "v04-version-missing",
            "A 0.4 plate without \"version\".",
            OmeCase.V04("plate-md"), OmeBases.Plate(namespaced: false).Change(s => PlateOf(s).Remove("version")), OmeRules.Plate006);
        yield return OmeCase.Invalid("plate", "field-count-zero",
            "\"field_count\" is 0; it must be a positive integer.",
            Plate, OmeBases.Plate().Change(s => PlateOf(s)["field_count"] = 0), OmeRules.Plate007);

        yield return OmeCase.Invalid("well", "duplicate-image-path",
            "Both images of well A/1 have path \"0\"; paths must be unique within the well.",
            Well, OmeBases.Plate().Change(s => Image(s, 1)["path"] = "0"), OmeRules.Well001);
        yield return OmeCase.Invalid("well", "image-path-not-alphanumeric",
            "The second field of well A/1 is the group \"f-1\", listed by that path; field paths must be alphanumeric.",
            Well, OmeBases.Plate().Change(s =>
            {
                s.Groups.Remove("/A/1/1");
                s.Arrays.Remove("/A/1/1/0");
                s.Arrays.Remove("/A/1/1/1");
                OmeBases.AddField(s, "/A/1/f-1", "field", 100);
                Image(s, 1)["path"] = "f-1";
            }), OmeRules.Well001);
        yield return OmeCase.Invalid("well", "field-image-missing",
            "Well A/1 lists field \"7\", for which the hierarchy has no image group.",
            Layout, OmeBases.Plate().Change(s => Image(s, 1)["path"] = "7"), OmeRules.Well002);
        yield return OmeCase.Invalid("well", "unknown-acquisition",
            "A field of well A/1 names acquisition 5, which the plate does not define.",
            Well, OmeBases.Plate().Change(s => Image(s, 1)["acquisition"] = 5), OmeRules.Well003);
        yield return OmeCase.Invalid("well", "acquisition-missing",
            "A field of well A/1 names no acquisition although the plate defines two.",
            Well, OmeBases.Plate().Change(s => Image(s, 1).Remove("acquisition")), OmeRules.Well003);
        yield return OmeCase.Valid("well", "v04-version-missing",
            "A 0.4 plate whose well A/1 has no \"version\", which it should have.",
            OmeCase.V04("well-md"), OmeBases.Plate(namespaced: false).Change(s => Doc.Members(s.Ome("/A/1")["well"]).Remove("version")), OmeRules.Well004);
    }

    private static JsonMembers PlateOf(OmeStore store) => Doc.Members(store.Ome("/")["plate"]);

    private static JsonMembers Entry(OmeStore store, string list, int index) => Doc.Members(Doc.Items(PlateOf(store)[list])[index]);

    /// <summary>An image entry of well A/1.</summary>
    private static JsonMembers Image(OmeStore store, int index) => Doc.Members(Doc.Items(Doc.Members(store.Ome("/A/1")["well"])["images"])[index]);
}
