namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// A per-vertex morphometry file (?h.curv, ?h.thickness, ?h.sulc, ?h.area): one value per
/// surface vertex. Both layouts are read; the new one is written.
/// </summary>
/// <remarks>
/// FreeSurfer's MRISreadCurvatureFile / MRISwriteCurvature in
/// <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/mrisurf_io.cpp">utils/mrisurf_io.cpp</see>;
/// <see href="http://www.grahamwideman.com/gw/brain/fs/surfacefileformats.htm#CurvNew">Wideman, curv formats</see>.
/// </remarks>
public sealed partial class Curvature(float[] values)
{
    /// <summary>The 3-byte magic number of the new layout; in the old one these bytes are the vertex count.</summary>
    public const int NewMagic = 0xFFFFFF;

    public float[] Values { get; } = values;

    /// <summary>The face count of the surface the values belong to; FreeSurfer does not use it on reading.</summary>
    public int FaceCount { get; init; }

    public CurvatureFormat SourceFormat { get; init; } = CurvatureFormat.New;
}
