using System.Text.Json.Nodes;
using Conformance.Reference.Surfaces;

namespace Conformance.Validator.Fixtures.SurfaceZarr;

/// <summary>The <c>surface-zarr</c> cases: sound surfaces, and one change breaking each rule of <c>spec/surface-zarr/rules.json</c>.</summary>
internal static class SurfaceCases
{
    private static FixtureCase Valid(string area, string name, string description, string section, SurfaceContent content, params string[] warnings) =>
        SurfaceBase.Into(new FixtureCase(SurfaceBase.Corpus, area, name, description, SurfaceBase.Spec + "#" + section, "valid", warnings: warnings), content);

    private static FixtureCase Invalid(string area, string name, string description, string section, SurfaceContent content, params string[] rules) =>
        SurfaceBase.Into(new FixtureCase(SurfaceBase.Corpus, area, name, description, SurfaceBase.Spec + "#" + section, "invalid", rules: rules), content);

    private static SurfaceContent Changed(SurfaceContent content, Action<SurfaceContent> change)
    {
        change(content);
        return content;
    }

    public static IEnumerable<FixtureCase> Cases()
    {
        yield return Valid("layout", "tetrahedron", "A tetrahedron with coordinate sets white and pial, per-vertex thickness and a labelled aparc annotation", "layout", SurfaceBase.Tetrahedron());
        yield return Valid("layout", "data-only", "Per-vertex curvature without geometry, as lh.thickness converts", "layout", SurfaceBase.DataOnly());
        yield return Valid("layout", "label-points", "A FreeSurfer label as a point set with vertex numbers and values", "layout", SurfaceBase.LabelPoints());

        yield return Invalid("group-attributes", "wrong-version", "surface.version is \"0.2\", not \"0.1\"", "group-attributes",
            Changed(SurfaceBase.Tetrahedron(), c => c.Surface["version"] = "0.2"), "SURF-ZARR-001");
        yield return Invalid("group-attributes", "unlisted-data", "surface.data leaves out data/thickness, which the group holds", "group-attributes",
            Changed(SurfaceBase.Tetrahedron(), c => c.Surface["data"] = new JsonArray("aparc")), "SURF-ZARR-002");
        yield return Invalid("layout", "triangle-index-out-of-range", "A triangle names vertex 4 of 4", "layout",
            Changed(SurfaceBase.Tetrahedron(), c => SurfaceBase.Replace(c, "triangles", t => t with { Data = SurfaceBase.Ints(0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 4) })), "SURF-ZARR-003");
        yield return Invalid("layout", "coordinate-counts-differ", "coordinates/pial has 5 vertices, coordinates/white 4", "layout",
            Changed(SurfaceBase.Tetrahedron(), c => SurfaceBase.Replace(c, "coordinates/pial", p => p with { Shape = [5, 3], Data = SurfaceBase.Floats(new float[15]) })), "SURF-ZARR-004");
        yield return Invalid("data-array-attributes", "wrong-first-dimension", "data/thickness is per vertex but holds 5 values for 4 vertices", "data-array-attributes",
            Changed(SurfaceBase.Tetrahedron(), c => SurfaceBase.Replace(c, "data/thickness", d => d with { Shape = [5], Data = SurfaceBase.Floats(1, 2, 3, 4, 5) })), "SURF-ZARR-005");
        yield return Valid("layout", "coordinate-dimension-names", "coordinates/pial's dimension_names are [\"x\", \"y\"], not [\"vertex\", \"xyz\"]", "layout",
            Changed(SurfaceBase.Tetrahedron(), c => SurfaceBase.Replace(c, "coordinates/pial", p => p with { DimensionNames = ["x", "y"] })), "SURF-ZARR-006");
        yield return Invalid("data-array-attributes", "label-colour-out-of-range", "A label's rgba has a component 2, outside [0, 1]", "data-array-attributes",
            Changed(SurfaceBase.Tetrahedron(), c => ((JsonObject)c.Find("data/aparc")!.Attributes["surface"]!["labels"]!.AsObject().First().Value!)["rgba"] = new JsonArray(0.5, 2, 0, 1)), "SURF-ZARR-007");
        yield return Valid("data-array-attributes", "value-without-label", "data/aparc holds the value 7, which its label table does not list", "data-array-attributes",
            Changed(SurfaceBase.Tetrahedron(), c => SurfaceBase.Replace(c, "data/aparc", d => d with { Data = [.. d.Data[..12], .. SurfaceBase.Ints(7)] })), "SURF-ZARR-008");
    }
}
