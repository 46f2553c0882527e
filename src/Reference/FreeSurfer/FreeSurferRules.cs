namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// Rule IDs of the FreeSurfer file-format requirements the reference enforces. Each ID is
/// described in <c>spec/freesurfer/rules.json</c> (level, section, link, paraphrase); tests check
/// that every ID here is catalogued there.
/// </summary>
public static class FreeSurferRules
{
    // Surface geometry (utils/mrisurf_io.cpp, nibabel read_geometry).
    public const string SurfaceMagic = "FS-SURF-001";
    public const string SurfaceStamp = "FS-SURF-002";
    public const string SurfaceCounts = "FS-SURF-004";
    public const string SurfaceFaceIndex = "FS-SURF-005";
    public const string SurfaceTag = "FS-SURF-006";
    public const string VolumeGeometry = "FS-SURF-007";
    public const string SurfaceOldTag = "FS-SURF-008";

    // Curvature / morphometry ("curv") files.
    public const string CurvatureHeader = "FS-CURV-001";
    public const string CurvatureValuesPerVertex = "FS-CURV-002";
    public const string CurvatureOldData = "FS-CURV-003";

    // Annotation files and their colour tables (utils/colortab.cpp).
    public const string AnnotationPairs = "FS-ANNOT-001";
    public const string AnnotationVertex = "FS-ANNOT-002";
    public const string AnnotationColorTableTag = "FS-ANNOT-003";
    public const string ColorTableVersion = "FS-ANNOT-004";
    public const string ColorTableData = "FS-ANNOT-005";
    public const string ColorTableIndex = "FS-ANNOT-006";

    // ASCII label files (utils/label.cpp).
    public const string LabelHeader = "FS-LABEL-001";
    public const string LabelCount = "FS-LABEL-002";
    public const string LabelPoint = "FS-LABEL-003";
    public const string LabelTrailing = "FS-LABEL-004";
}
