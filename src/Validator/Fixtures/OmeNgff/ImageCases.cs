using Conformance.Reference.Zarr.DataTypes;
using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// Cases about one image: "multiscales", "axes", "datasets", "coordinateTransformations" and
/// "omero" (0.5 multiscale-md, axes-md, trafo-md, omero-md). Each invalid case is the sound
/// image of <see cref="OmeBases.Image"/> with one change.
/// </summary>
internal static class ImageCases
{
    private static readonly string Multiscales = OmeCase.V05("multiscale-md");
    private static readonly string Axes = OmeCase.V05("axes-md");
    private static readonly string Transformations = OmeCase.V05("trafo-md");
    private static readonly string Omero = OmeCase.V05("omero-md");

    public static IEnumerable<FixtureCase> Cases()
    {
        yield return OmeCase.Valid("multiscales", "image-pyramid-with-labels",
            "A 0.5 image of three levels (c, z, y, x; every second pixel along y and x) with scale and translation per level, a multiscales-level scale, omero channels, and a labels group holding one label image with colors, properties and its source.",
            Multiscales, OmeBases.Image(labels: true));
        yield return OmeCase.Valid("axes", "time-channel-space",
            "A 0.5 image with every axis kind in the order the spec fixes (t, c, z, y, x) and the time step given once, by a multiscales-level scale.",
            Multiscales, OmeBases.Image5D());

        yield return OmeCase.Invalid("multiscales", "empty-list",
            "\"multiscales\" is an empty list; it must hold at least one multiscale image.",
            Multiscales, OmeBases.Image().Change(s => s.Ome("/")["multiscales"] = Doc.List()), OmeRules.Multiscales001);
        yield return OmeCase.Valid("multiscales", "name-missing",
            "The multiscales object has no \"name\", which it should have.",
            Multiscales, OmeBases.Image().Change(s => s.Multiscale("/").Remove("name")), OmeRules.Multiscales002);
        yield return OmeCase.Valid("multiscales", "type-missing",
            "The multiscales object has no \"type\" naming its downscaling method, which it should have.",
            Multiscales, OmeBases.Image().Change(s => s.Multiscale("/").Remove("type")), OmeRules.Multiscales003);

        yield return OmeCase.Invalid("axes", "not-a-list",
            "\"axes\" is a string (\"czyx\"), not a list of axis objects.",
            Multiscales, OmeBases.Image().Change(s => s.Multiscale("/")["axes"] = "czyx"), OmeRules.Axes001);
        yield return OmeCase.Invalid("axes", "duplicate-name",
            "Two axes are named \"y\": names must be unique, and the levels' dimension_names (c, z, y, x) then no longer match the axes names.",
            Axes, OmeBases.Image().Change(s => s.Axis("/", 3)["name"] = "y"), OmeRules.Axes002, OmeRules.DimensionNames001);
        yield return OmeCase.Invalid("axes", "duplicate-name-v04",
            "0.4 metadata in which two axes are named \"y\"; 0.4 asks for no dimension_names, so only the unique-name rule is broken.",
            Axes, OmeBases.Image(namespaced: false).Change(s => s.Axis("/", 3)["name"] = "y"), OmeRules.Axes002);
        yield return OmeCase.Valid("axes", "type-missing",
            "The first axis has no \"type\", which it should have; an untyped axis counts as the one channel-or-custom axis.",
            Axes, OmeBases.Image().Change(s => s.Axis("/", 0).Remove("type")), OmeRules.Axes003);
        yield return OmeCase.Valid("axes", "custom-type",
            "The first axis has the custom type \"lifetime\"; types other than space, time and channel are allowed.",
            Axes, OmeBases.Image().Change(s => s.Axis("/", 0)["type"] = "lifetime"));
        yield return OmeCase.Invalid("axes", "six-axes",
            "Six axes (t, c, a custom w, z, y, x) over six-dimensional levels: at most five axes, and at most one channel or custom axis, are allowed, and no level may have more than five dimensions.",
            Multiscales, SixAxes(), OmeRules.Axes001, OmeRules.Axes004, OmeRules.Datasets003);
        yield return OmeCase.Invalid("axes", "four-space-axes",
            "All four axes are of type space; at most three may be.",
            Multiscales, OmeBases.Image().Change(s => s.Axes("/")[0] = OmeBases.Space("c")), OmeRules.Axes004);
        yield return OmeCase.Invalid("axes", "channel-after-space",
            "The axes are z, c, y, x (with matching dimension_names): the channel axis must come before the space axes.",
            Multiscales, OmeBases.Image().Change(s =>
            {
                (s.Axes("/")[0], s.Axes("/")[1]) = (s.Axes("/")[1], s.Axes("/")[0]);
                Rename(s, "", ["z", "c", "y", "x"]);
            }), OmeRules.Axes005);
        yield return OmeCase.Valid("axes", "space-unit-unknown",
            "The z axis has unit \"micron\", not one of the UDUNITS-2 names the spec lists for space axes.",
            Axes, OmeBases.Image().Change(s => s.Axis("/", 1)["unit"] = "micron"), OmeRules.Axes006);
        yield return OmeCase.Valid("axes", "space-unit-missing",
            "The z axis has no unit, which a space axis should have.",
            Axes, OmeBases.Image().Change(s => s.Axis("/", 1).Remove("unit")), OmeRules.Axes006);
        yield return OmeCase.Valid("axes", "time-unit-unknown",
            "The time axis has unit \"sec\", not one of the UDUNITS-2 names the spec lists for time axes.",
            Axes, OmeBases.Image5D().Change(s => s.Axis("/", 0)["unit"] = "sec"), OmeRules.Axes006);
        yield return OmeCase.Valid("axes", "space-order-xyz",
            "The three space axes are ordered x, y, z (with matching dimension_names); the spec recommends z, y, x.",
            Multiscales, OmeBases.Image().Change(s =>
            {
                s.Axis("/", 1)["name"] = "x";
                s.Axis("/", 3)["name"] = "z";
                Rename(s, "", ["c", "x", "y", "z"]);
            }), OmeRules.Axes007);
        yield return OmeCase.Invalid("axes", "dimension-names-missing",
            "The second level's zarr.json has no dimension_names; in 0.5 every level must carry the axes names.",
            Axes, OmeBases.Image().Change(s => s.Arrays["/1"] = s.Arrays["/1"] with { DimensionNames = null }), OmeRules.DimensionNames001);
        yield return OmeCase.Invalid("axes", "dimension-names-differ",
            "The third level's dimension_names are c, z, x, y while the axes are c, z, y, x.",
            Axes, OmeBases.Image().Change(s => s.Arrays["/2"] = s.Arrays["/2"] with { DimensionNames = ["c", "z", "x", "y"] }), OmeRules.DimensionNames001);

        yield return OmeCase.Invalid("datasets", "empty-list",
            "\"datasets\" is an empty list; it must name at least one level.",
            Multiscales, OmeBases.Image().Change(s => s.Multiscale("/")["datasets"] = Doc.List()), OmeRules.Datasets001);
        yield return OmeCase.Invalid("datasets", "path-missing",
            "The second dataset has no \"path\".",
            Multiscales, OmeBases.Image().Change(s => s.Dataset("/", 1).Remove("path")), OmeRules.Datasets001);
        yield return OmeCase.Invalid("datasets", "path-missing-level",
            "The third dataset's path is \"3\", which is not an array of the hierarchy.",
            Multiscales, OmeBases.Image().Change(s => s.Dataset("/", 2)["path"] = "3"), OmeRules.Datasets002);
        yield return OmeCase.Invalid("datasets", "rank-mismatch",
            "The third level is a three-dimensional array (c, y, x) under four axes; its dimension_names cannot match the axes either.",
            Multiscales, OmeBases.Image().Change(s => s.Arrays["/2"] = OmeArray.Of([2, 2, 2], [1, 2, 2], IntegerDataType.UInt16, ["c", "y", "x"], i => (1000 * i[0]) + (40 * i[1]) + (4 * i[2]))),
            OmeRules.Datasets003, OmeRules.DimensionNames001);
        yield return OmeCase.Invalid("datasets", "rank-mismatch-v04",
            "0.4 metadata whose third level is a three-dimensional array under four axes.",
            Multiscales, OmeBases.Image(namespaced: false).Change(s => s.Arrays["/2"] = OmeArray.Of([2, 2, 2], [1, 2, 2], IntegerDataType.UInt16, null, i => (1000 * i[0]) + (40 * i[1]) + (4 * i[2]))),
            OmeRules.Datasets003);
        yield return OmeCase.Invalid("datasets", "levels-out-of-order",
            "The first two datasets name levels \"1\" and \"0\": the levels must go from the highest resolution to the lowest.",
            Multiscales, OmeBases.Image().Change(s =>
            {
                s.Dataset("/", 0)["path"] = "1";
                s.Dataset("/", 1)["path"] = "0";
            }), OmeRules.Datasets004);

        yield return OmeCase.Invalid("coordinate-transformations", "dataset-list-missing",
            "The second dataset has no \"coordinateTransformations\".",
            Transformations, OmeBases.Image().Change(s => s.Dataset("/", 1).Remove("coordinateTransformations")), OmeRules.Transforms001);
        yield return OmeCase.Invalid("coordinate-transformations", "identity-in-dataset",
            "The first dataset's transformations end with an identity; a dataset's may only be scale and translation.",
            Multiscales, OmeBases.Image().Change(s => s.Transformations("/", 0).Add(new JsonMembers { { "type", "identity" } })), OmeRules.Transforms002);
        yield return OmeCase.Invalid("coordinate-transformations", "two-scales",
            "The first dataset's transformations hold two scales; exactly one is allowed.",
            Multiscales, OmeBases.Image().Change(s => s.Transformations("/", 0).Insert(1, OmeBases.Scale(Doc.Nums("1", "1", "1", "1")))), OmeRules.Transforms003);
        yield return OmeCase.Invalid("coordinate-transformations", "translation-before-scale",
            "The second dataset lists its translation before its scale: the scale must come first and the translation after it.",
            Multiscales, OmeBases.Image().Change(s => s.Transformations("/", 1).Reverse()), OmeRules.Transforms003, OmeRules.Transforms004);
        yield return OmeCase.Invalid("coordinate-transformations", "two-translations",
            "The second dataset's transformations hold two translations; at most one is allowed.",
            Multiscales, OmeBases.Image().Change(s => s.Transformations("/", 1).Add(OmeBases.Translation(Doc.Nums("0", "0", "1", "1")))), OmeRules.Transforms004);
        yield return OmeCase.Invalid("coordinate-transformations", "scale-length-mismatch",
            "The first dataset's scale has three values for four axes.",
            Multiscales, OmeBases.Image().Change(s => Doc.Members(s.Transformations("/", 0)[0])["scale"] = Doc.Nums("0.5", "0.25", "0.25")), OmeRules.Transforms005);
        yield return OmeCase.Invalid("coordinate-transformations", "translation-not-numbers",
            "The second dataset's translation holds strings, not numbers.",
            Multiscales, OmeBases.Image().Change(s => Doc.Members(s.Transformations("/", 1)[1])["translation"] = Doc.List("0", "0", "1.5", "2.5")), OmeRules.Transforms005);
        yield return OmeCase.Invalid("coordinate-transformations", "multiscales-scale-length-mismatch",
            "The multiscales-level scale has three values for four axes; it follows the same rules as a dataset's.",
            Multiscales, OmeBases.Image().Change(s => s.Multiscale("/")["coordinateTransformations"] = Doc.List(OmeBases.Scale(Doc.Nums("1", "1", "1")))), OmeRules.Transforms006);

        yield return OmeCase.Invalid("omero", "channels-missing",
            "\"omero\" has no \"channels\" list.",
            Omero, OmeBases.Image().Change(s => Doc.Members(s.Ome("/")["omero"]).Remove("channels")), OmeRules.Omero001);
        yield return OmeCase.Invalid("omero", "color-not-hex",
            "The first channel's color is \"blue\", not six hexadecimal digits.",
            Omero, OmeBases.Image().Change(s => OmeroChannel(s, 0)["color"] = "blue"), OmeRules.Omero002);
        // The 0.5.1 text asks every channel for a window, but the published 0.5 text and
        // schemas do not; the catalog rules a missing one a warning (OME-OMERO-003's ruling).
        yield return OmeCase.Valid("omero", "window-missing",
            "The second channel has a color but no window; the published 0.5 text and schemas do not require one, later text does.",
            Omero, OmeBases.Image().Change(s => OmeroChannel(s, 1).Remove("window")), OmeRules.Omero003);
        yield return OmeCase.Invalid("omero", "window-end-missing",
            "The second channel's window has no \"end\".",
            Omero, OmeBases.Image().Change(s => Doc.Members(OmeroChannel(s, 1)["window"]).Remove("end")), OmeRules.Omero004);
        yield return OmeCase.Valid("omero", "channel-count-mismatch",
            "One omero channel for a channel axis of length 2; the channels should match the axis.",
            Omero, OmeBases.Image().Change(s => Doc.Items(Doc.Members(s.Ome("/")["omero"])["channels"]).RemoveAt(1)), OmeRules.Omero005);
    }

    /// <summary>A 0.5 image of one level with six axes: t, c, a custom axis w, z, y, x.</summary>
    private static OmeStore SixAxes()
    {
        var store = new OmeStore(namespaced: true);
        JsonMembers wavelength = new() { { "name", "w" }, { "type", "wavelength" } };
        store.Group("/", new JsonMembers
        {
            { "multiscales", Doc.List(OmeBases.Multiscale(true, "six axes", [OmeBases.Time("t"), OmeBases.Channel("c"), wavelength, OmeBases.Space("z"), OmeBases.Space("y"), OmeBases.Space("x")], [Doc.Nums("1", "1", "1", "0.5", "0.25", "0.25")], null, null)) },
        });
        store.Arrays["/0"] = OmeArray.Of([2, 2, 2, 2, 4, 4], [1, 1, 1, 2, 4, 4], IntegerDataType.UInt16, ["t", "c", "w", "z", "y", "x"],
            i => (10000 * i[0]) + (1000 * i[1]) + (100 * i[2]) + (20 * i[3]) + (4 * i[4]) + i[5]);
        return store;
    }

    private static JsonMembers OmeroChannel(OmeStore store, int index) => Doc.Members(Doc.Items(Doc.Members(store.Ome("/")["omero"])["channels"])[index]);

    /// <summary>Gives every level of the image at <paramref name="prefix"/> new dimension_names, to follow a change of the axes.</summary>
    private static void Rename(OmeStore store, string prefix, string[] names)
    {
        foreach (string level in new[] { "0", "1", "2" })
        {
            string path = prefix + "/" + level;
            store.Arrays[path] = store.Arrays[path] with { DimensionNames = names };
        }
    }
}
