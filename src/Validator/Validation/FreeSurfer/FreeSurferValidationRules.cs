namespace Conformance.Validator.Validation.FreeSurfer;

/// <summary>
/// Rule IDs the validator reports beyond the reference reader's structural ones
/// (<see cref="Conformance.Reference.FreeSurfer.FreeSurferRules"/>): checks on content that
/// parses. Each is described in <c>spec/freesurfer/rules.json</c>.
/// </summary>
public static class FreeSurferValidationRules
{
    public const string SurfaceSecondNewline = "FS-SURF-003";
    public const string SurfaceNonFinite = "FS-SURF-011";
    public const string SurfaceRepeatedVertex = "FS-SURF-012";
    public const string SurfaceZeroArea = "FS-SURF-013";

    public const string CurvatureNonFinite = "FS-CURV-005";

    public const string AnnotationUnknownValue = "FS-ANNOT-007";
    public const string AnnotationRepeatedVertex = "FS-ANNOT-009";

    public const string LabelRepeatedVertex = "FS-LABEL-005";
    public const string LabelVertexNumber = "FS-LABEL-006";

    public const string FileKind = "FS-FILE-001";
}
