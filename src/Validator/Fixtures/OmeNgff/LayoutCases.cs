using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// Cases about the metadata as a whole and collections: the "ome" object and its version
/// (0.5 metadata), 0.4 metadata in a Zarr v3 store, and the bioformats2raw layout (0.5 bf2raw).
/// </summary>
internal static class LayoutCases
{
    private static readonly string Metadata = OmeCase.V05("metadata");
    private static readonly string Bf2Raw = OmeCase.V05("bf2raw");

    public static IEnumerable<FixtureCase> Cases()
    {
        yield return OmeCase.Invalid("metadata", "ome-not-an-object",
            "The image group's \"ome\" attribute is the string \"0.5\", not an object.",
            Metadata, OmeBases.Image().Change(s => s.Groups["/"]["ome"] = "0.5"), OmeRules.Meta001);

        yield return OmeCase.Invalid("version", "version-missing",
            "The image group's \"ome\" object has no \"version\".",
            Metadata, OmeBases.Image().Change(s => s.Ome("/").Remove("version")), OmeRules.Version001);
        yield return OmeCase.Invalid("version", "v04-label-image-in-v05-image",
            "A 0.5 image whose label image carries 0.4 metadata; the version must be the same throughout a hierarchy.",
            Metadata, OmeBases.Image(labels: true).Change(s => s.Groups["/labels/cells"] = OmeBases.Image(namespaced: false, labels: true).Groups["/labels/cells"]), OmeRules.Version002);
        yield return OmeCase.Invalid("version", "v04-versions-differ-within-node",
            "A 0.4 label image whose multiscales states version 0.4 and whose image-label states 0.3.",
            Metadata, OmeBases.Image(namespaced: false, labels: true).Change(s => Doc.Members(s.Ome("/labels/cells")["image-label"])["version"] = "0.3"), OmeRules.Version002);
        yield return OmeCase.Unsupported("version", "unknown-version",
            "An image whose \"ome\" object states version \"0.6\", which a checker of 0.4 and 0.5 cannot judge.",
            Metadata, OmeBases.Image().Change(s => s.Ome("/")["version"] = "0.6"), OmeRules.Version003);
        yield return OmeCase.Valid("version", "v04-image-with-labels",
            "The image with labels in 0.4 form inside a Zarr v3 store: keys at the top of the attributes, \"version\" inside multiscales and image-label, no dimension_names.",
            OmeCase.V04("multiscale-md"), OmeBases.Image(namespaced: false, labels: true));
        yield return OmeCase.Valid("version", "v04-plate",
            "The plate in 0.4 form inside a Zarr v3 store, \"version\" inside plate, wells and multiscales.",
            OmeCase.V04("plate-md"), OmeBases.Plate(namespaced: false));
        yield return OmeCase.Valid("version", "v04-multiscales-version-missing",
            "A 0.4 image whose multiscales object has no \"version\", which it should have.",
            OmeCase.V04("multiscale-md"), OmeBases.Image(namespaced: false, labels: true).Change(s => s.Multiscale("/").Remove("version")), OmeRules.Version004);

        yield return OmeCase.Valid("bioformats2raw", "two-series",
            "A bioformats2raw collection: layout 3 at the root, images 0 and 1, and the OME group listing them as series beside METADATA.ome.xml.",
            Bf2Raw, OmeBases.Bioformats2Raw());
        yield return OmeCase.Invalid("bioformats2raw", "layout-not-3",
            "\"bioformats2raw.layout\" is 2; it must be 3.",
            Bf2Raw, OmeBases.Bioformats2Raw().Change(s => s.Ome("/")["bioformats2raw.layout"] = 2), OmeRules.Bf2Raw001);
        yield return OmeCase.Invalid("bioformats2raw", "series-path-missing",
            "\"series\" lists \"2\", which is not an image group.",
            Bf2Raw, OmeBases.Bioformats2Raw().Change(s => Doc.Items(s.Ome("/OME")["series"]).Add("2")), OmeRules.Bf2Raw002);
        yield return OmeCase.Invalid("bioformats2raw", "series-not-a-list",
            "\"series\" is the string \"0\", not a list of paths.",
            Bf2Raw, OmeBases.Bioformats2Raw().Change(s => s.Ome("/OME")["series"] = "0"), OmeRules.Bf2Raw002);
    }
}
