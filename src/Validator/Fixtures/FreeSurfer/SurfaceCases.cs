using static Conformance.Validator.Fixtures.FreeSurfer.FreeSurferCase;
using static Conformance.Validator.Fixtures.FreeSurfer.FreeSurferSamples;

namespace Conformance.Validator.Fixtures.FreeSurfer;

/// <summary>Surface cases: the tetrahedron as a triangle file, two quads in both quad layouts, and one change to each.</summary>
internal static class SurfaceCases
{
    private const string White = "lh.white";

    public static IEnumerable<FixtureCase> Cases()
    {
        byte[] surface = Surface();
        yield return Valid("surface", "triangle-footer", "a triangle surface with useRealRAS, volume geometry and a command line after the faces", SurfaceIo, White, surface);
        yield return Valid("surface", "triangle-plain", "a triangle surface with nothing after the faces", SurfaceIo, White, PlainSurface());
        yield return Valid("surface", "quad", "an old quad surface: int16 coordinates in hundredths, 3-byte corners", SurfaceIo, White, QuadSurface(newLayout: false));
        yield return Valid("surface", "new-quad", "a new quad surface: float32 coordinates, 3-byte corners", SurfaceIo, White, QuadSurface(newLayout: true));
        yield return Valid("surface", "one-newline", "the created-by line is followed by one newline instead of two", SurfaceIo, White,
            [.. surface[..(CountsStart - 1)], .. surface[CountsStart..]], "FS-SURF-003");
        yield return Valid("surface", "nan-coordinate", "vertex 2 has x = NaN", SurfaceIo, White, SetSingle(surface, CoordinatesStart + 24, float.NaN), "FS-SURF-011");
        yield return Valid("surface", "repeated-vertex", "triangle 3 is (1, 1, 3)", SurfaceIo, White, SetInt32(surface, FacesStart + 40, 1), "FS-SURF-012");
        yield return Valid("surface", "zero-area", "vertex 3 moves to (2, 0, 0), on the line through vertices 0 and 1, so triangle 1 has no area", SurfaceIo, White,
            SetSingle(SetSingle(surface, CoordinatesStart + 36, 2), CoordinatesStart + 44, 0), "FS-SURF-013");
        yield return Valid("surface", "quad-repeated-vertex", "quad 1 names vertex 4 twice, so one of its triangles repeats a vertex", SurfaceIo, White,
            SetInt24(QuadSurface(newLayout: false), QuadStart(newLayout: false, 1) + 6, 4), "FS-SURF-012");

        yield return Invalid("surface", "bad-magic", "the magic number is 0x00FFFE", SurfaceIo, White, [0, .. surface[1..]], "FS-SURF-001");
        yield return Invalid("surface", "no-newline", "the file ends inside the created-by line", SurfaceIo, White, surface[..13], "FS-SURF-002");
        yield return Invalid("surface", "too-many-faces", "the face count is 400, more than the file holds", SurfaceIo, White, SetInt32(surface, CountsStart + 4, 400), "FS-SURF-004");
        yield return Invalid("surface", "face-index", "triangle 1 names vertex 4 of 4", SurfaceIo, White, SetInt32(surface, FacesStart + 20, 4), "FS-SURF-005");
        yield return Invalid("surface", "quad-face-index", "quad 1 names vertex 6 of 6", SurfaceIo, White, SetInt24(QuadSurface(newLayout: true), QuadStart(newLayout: true, 1) + 6, 6), "FS-SURF-005");
        yield return Invalid("surface", "cut-tag", "the file ends 30 bytes before the command-line tag's data does", "https://github.com/freesurfer/freesurfer/blob/dev/utils/tags.cpp", White,
            surface[..^30], "FS-SURF-006");
        yield return Invalid("surface", "volume-geometry-key", "the volume geometry line 'voxelsize' is spelled 'voxelsise'", "https://github.com/freesurfer/freesurfer/blob/dev/utils/transform.cpp", White,
            Replace(surface, "voxelsize", "voxelsise"), "FS-SURF-007");
        yield return Unsupported("surface", "old-transform-tag", "the footer holds TAG_OLD_MGH_XFORM (30), which has no length", "https://github.com/freesurfer/freesurfer/blob/dev/utils/tags.cpp", White,
            [.. PlainSurface(), 0, 0, 0, 30], "FS-SURF-008");

        yield return Valid("naming", "surface-named-thickness", "a triangle surface named lh.thickness, a curvature name", "https://surfer.nmr.mgh.harvard.edu/fswiki/FreeSurferAnalysisPipelineOverview", "lh.thickness",
            surface, "FS-FILE-001");
    }
}
