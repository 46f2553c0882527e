namespace Conformance.Validator.Commands;

/// <summary>The formats <c>conformance convert --to</c> names.</summary>
public enum SurfaceFileFormat
{
    /// <summary>A Zarr v3 store; a surface is written as the surface profile's group.</summary>
    Zarr,

    /// <summary>A GIFTI 1.0 file (.gii).</summary>
    Gifti,

    /// <summary>A FreeSurfer surface, curvature, annotation or label file.</summary>
    FreeSurfer,
}
