namespace Conformance.Reference.FreeSurfer;

/// <summary>The kinds of FreeSurfer surface file this reference reads.</summary>
public enum FreeSurferFileKind
{
    /// <summary>Geometry: lh.white, rh.pial, lh.inflated, …</summary>
    Surface,

    /// <summary>Per-vertex values: lh.thickness, lh.curv, lh.sulc, …</summary>
    Curvature,

    /// <summary>A parcellation: lh.aparc.annot, …</summary>
    Annotation,

    /// <summary>An ASCII label: lh.cortex.label, …</summary>
    Label,
}
