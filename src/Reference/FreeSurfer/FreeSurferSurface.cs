namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// A FreeSurfer surface (lh.white, rh.pial, …): vertex coordinates and triangles, with what a
/// triangle file keeps after them. Quad files are read into triangles the way FreeSurfer splits
/// them; every surface is written as a triangle file.
/// </summary>
/// <remarks>
/// The format is defined by FreeSurfer's code (<see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/mrisurf_io.cpp">utils/mrisurf_io.cpp</see>)
/// and described by <see href="https://github.com/nipy/nibabel/blob/master/nibabel/freesurfer/io.py">nibabel's reader</see>
/// and <see href="http://www.grahamwideman.com/gw/brain/fs/surfacefileformats.htm">Graham Wideman's notes</see>.
/// </remarks>
public sealed partial class FreeSurferSurface
{
    /// <summary>Magic numbers, the first three bytes of the file (mrisurf_io.cpp).</summary>
    public const int TriangleMagic = 0xFFFFFE;

    public const int QuadMagic = 0xFFFFFF;

    public const int NewQuadMagic = 0xFFFFFD;

    /// <summary>Footer tags that FreeSurfer writes without a length (utils/tags.cpp TAGreadStart).</summary>
    public const int TagOldColorTable = 1;

    public const int TagOldUseRealRas = 2;

    public const int TagUseRealRas = 4;

    public const int TagOldSurfaceGeometry = 20;

    public const int TagOldMghTransform = 30;

    public FreeSurferSurface(float[] coordinates, int[] faces)
    {
        if (coordinates.Length % 3 != 0 || faces.Length % 3 != 0)
        {
            throw new ArgumentException("coordinates and faces hold three numbers per vertex and per triangle");
        }
        Coordinates = coordinates;
        Faces = faces;
    }

    /// <summary>x, y, z of each vertex in turn.</summary>
    public float[] Coordinates { get; }

    /// <summary>Three vertex indices per triangle.</summary>
    public int[] Faces { get; }

    public int VertexCount => Coordinates.Length / 3;

    public int FaceCount => Faces.Length / 3;

    /// <summary>The layout the surface was read from; writing always makes a triangle file.</summary>
    public SurfaceFormat SourceFormat { get; init; } = SurfaceFormat.Triangle;

    /// <summary>The text of the line after the magic number ("created by … on …").</summary>
    public string CreatedBy { get; init; } = "created by Conformance.Reference";

    /// <summary>Whether the coordinates are scanner RAS (1) rather than tkregister RAS (0); null when the file does not say.</summary>
    public int? UseRealRas { get; init; }

    /// <summary>The volume geometry footer (TAG_OLD_SURF_GEOM), when present.</summary>
    public VolumeGeometry? VolumeGeometry { get; init; }

    /// <summary>The length-prefixed footer tags (command lines and others), in file order.</summary>
    public IReadOnlyList<SurfaceTag> Tags { get; init; } = [];

    /// <summary>The command lines of the TAG_CMDLINE tags.</summary>
    public IEnumerable<string> CommandLines => Tags.Where(t => t.Id == SurfaceTag.CommandLine).Select(t => t.Text);
}
