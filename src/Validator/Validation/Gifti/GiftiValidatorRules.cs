namespace Conformance.Validator.Validation.Gifti;

/// <summary>
/// Rule IDs of the GIFTI requirements only the validator checks: the reference reader reads such
/// files (their data stays usable) and leaves these judgements, about intents and geometry, to
/// the validator. Each ID is described in <c>spec/gifti/rules.json</c>; the reader's IDs are in
/// <see cref="Reference.Gifti.GiftiRules"/>.
/// </summary>
public static class GiftiValidatorRules
{
    // Section 2.0, DataArray: intents with a required type and shape.
    public const string IntentShape = "GIFTI-DA-009";
    public const string NonSpecDataType = "GIFTI-DA-010";
    public const string NodeIndexFirst = "GIFTI-DA-011";

    // Section 2.0, CoordinateSystemTransformMatrix.
    public const string PointSetTransform = "GIFTI-XFORM-002";
    public const string TransformOnPointSetOnly = "GIFTI-XFORM-003";
    public const string TransformSpace = "GIFTI-XFORM-004";

    // Section 5.0: zlib, not gzip.
    public const string ZlibNotGzip = "GIFTI-DATA-006";

    // Sections 1.0 and 2.0: a surface's topology and per-vertex data refer to its point set.
    public const string TriangleIndex = "GIFTI-GEOM-001";
    public const string PerVertexLength = "GIFTI-GEOM-002";
    public const string DegenerateTriangle = "GIFTI-GEOM-003";
    public const string FiniteCoordinate = "GIFTI-GEOM-004";
}
