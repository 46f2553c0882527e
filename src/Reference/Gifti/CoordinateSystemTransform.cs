namespace Conformance.Reference.Gifti;

/// <summary>
/// A CoordinateSystemTransformMatrix: the space of a point set's coordinates, the space the
/// matrix takes them to, and the 4×4 matrix in row-major order.
/// </summary>
/// <remarks>GIFTI 1.0 section 2.0, CoordinateSystemTransformMatrix, DataSpace, TransformedSpace, MatrixData.</remarks>
public sealed class CoordinateSystemTransform
{
    /// <summary>A NIFTI_XFORM_* name, kept as written.</summary>
    public string DataSpace { get; set; } = "NIFTI_XFORM_UNKNOWN";

    /// <summary>A NIFTI_XFORM_* name, kept as written.</summary>
    public string TransformedSpace { get; set; } = "NIFTI_XFORM_UNKNOWN";

    /// <summary>16 values, row by row.</summary>
    public double[] MatrixData { get; set; } = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}
