using Conformance.Reference.FreeSurfer;
using static Conformance.Validator.Fixtures.FreeSurfer.FreeSurferCase;
using static Conformance.Validator.Fixtures.FreeSurfer.FreeSurferSamples;

namespace Conformance.Validator.Fixtures.FreeSurfer;

/// <summary>Cases of the per-vertex files: curvature in both layouts, annotations with either colour table or none, labels.</summary>
internal static class PerVertexCases
{
    private const string Thickness = "lh.thickness";
    private const string Annot = "lh.aparc.annot";
    private const string Cortex = "lh.cortex.label";

    public static IEnumerable<FixtureCase> Cases() => [.. CurvatureCases(), .. AnnotationCases(), .. LabelCases()];

    private static IEnumerable<FixtureCase> CurvatureCases()
    {
        byte[] curvature = Curvature();
        yield return Valid("curvature", "new", "four values in the new layout", SurfaceIo, Thickness, curvature);
        yield return Valid("curvature", "old", "four values in the old layout, as int16 hundredths", SurfaceIo, Thickness, OldCurvature());
        yield return Valid("curvature", "nan-value", "value 1 is NaN", SurfaceIo, Thickness, SetSingle(curvature, 15 + 4, float.NaN), "FS-CURV-005");
        yield return Invalid("curvature", "too-many-values", "the vertex count is 100, more than the file holds", SurfaceIo, Thickness, SetInt32(curvature, 3, 100), "FS-CURV-001");
        yield return Unsupported("curvature", "two-per-vertex", "the values-per-vertex field is 2", SurfaceIo, Thickness, SetInt32(curvature, 11, 2), "FS-CURV-002");
        byte[] old = OldCurvature();
        yield return Invalid("curvature", "old-cut", "an old-layout file missing the last byte of its last value", SurfaceIo, Thickness, old[..^1], "FS-CURV-003");
    }

    private static IEnumerable<FixtureCase> AnnotationCases()
    {
        byte[] annotation = Annotation(ColorTableLayout.Version2);
        int tag = 4 + (8 * Pairs);
        yield return Valid("annotation", "version2-table", "six pairs and a version 2 colour table of size 36 with three entries", ColorTableCode, Annot, annotation);
        yield return Valid("annotation", "old-table", "six pairs and an old-layout colour table", ColorTableCode, Annot, Annotation(ColorTableLayout.Old));
        yield return Valid("annotation", "no-table", "six pairs and no colour table", AnnotationWiki, Annot, Annotation(null));
        yield return Valid("annotation", "unknown-value", "pair 3 has the value 12345, the colour of no entry", AnnotationWiki, Annot, SetInt32(annotation, 4 + (8 * 3) + 4, 12345), "FS-ANNOT-007");
        yield return Valid("annotation", "repeated-vertex", "pair 5 gives vertex 4 a value again", SurfaceIo, Annot, SetInt32(annotation, 4 + (8 * 5), 4), "FS-ANNOT-009");
        yield return Invalid("annotation", "too-many-pairs", "the pair count is 1000, more than the file holds", AnnotationWiki, Annot, SetInt32(annotation, 0, 1000), "FS-ANNOT-001");
        yield return Invalid("annotation", "negative-vertex", "pair 2 names vertex -1", SurfaceIo, Annot, SetInt32(annotation, 4 + (8 * 2), -1), "FS-ANNOT-002");
        yield return Invalid("annotation", "bad-tag", "the tag after the pairs is 2, not TAG_OLD_COLORTABLE (1)", SurfaceIo, Annot, SetInt32(annotation, tag, 2), "FS-ANNOT-003");
        yield return Unsupported("annotation", "table-version", "the colour table version is -3", ColorTableCode, Annot, SetInt32(annotation, tag + 4, -3), "FS-ANNOT-004");
        yield return Invalid("annotation", "cut-table", "the file ends two bytes before the last entry's transparency ends", ColorTableCode, Annot, annotation[..^2], "FS-ANNOT-005");
        yield return Invalid("annotation", "repeated-index", "the second entry of the version 2 table has index 0, as the first", ColorTableCode, Annot, SetInt32(annotation, SecondEntryIndex(), 0), "FS-ANNOT-006");
    }

    private static IEnumerable<FixtureCase> LabelCases()
    {
        byte[] label = Label();
        yield return Valid("label", "points", "a header, the count and four points, the last with no vertex (-1)", LabelCode, Cortex, label);
        yield return Valid("label", "repeated-vertex", "point 1 names vertex 10, as point 0", LabelCode, Cortex, ChangeLine(label, 3, line => "10" + line[2..]), "FS-LABEL-005");
        yield return Valid("label", "vertex-below-minus-one", "point 1 names vertex -5", LabelCode, Cortex, ChangeLine(label, 3, line => "-5" + line[2..]), "FS-LABEL-006");
        yield return Invalid("label", "empty", "the file is empty: no header line", LabelCode, Cortex, [], "FS-LABEL-001");
        yield return Invalid("label", "count-word", "the count line reads 'four'", LabelCode, Cortex, ChangeLine(label, 1, _ => "four"), "FS-LABEL-002");
        yield return Invalid("label", "four-fields", "point 0 has no value field", LabelCode, Cortex, ChangeLine(label, 2, line => line[..line.LastIndexOf(' ')]), "FS-LABEL-003");
        yield return Invalid("label", "trailing-point", "a fifth point line follows the four counted", LabelCode, Cortex, [.. label, .. "13  -33  14  6 0\n"u8.ToArray()], "FS-LABEL-004");
    }
}
