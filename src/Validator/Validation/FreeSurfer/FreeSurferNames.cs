using System.Buffers.Binary;
using Conformance.Reference.FreeSurfer;

namespace Conformance.Validator.Validation.FreeSurfer;

/// <summary>
/// The kind of file a FreeSurfer name promises and the kind its bytes show. FreeSurfer names
/// files by hemisphere and content (<c>lh.white</c>, <c>rh.thickness</c>,
/// <c>lh.aparc.annot</c>, <c>lh.cortex.label</c>; recon-all's outputs in
/// <see href="https://surfer.nmr.mgh.harvard.edu/fswiki/FreeSurferAnalysisPipelineOverview">the pipeline overview</see>).
/// </summary>
internal static class FreeSurferNames
{
    private static readonly string[] Surfaces =
        ["white", "pial", "orig", "smoothwm", "inflated", "sphere", "midthickness", "graymid", "qsphere", "pial_semi_inflated", "very_inflated", "orig.nofix", "white.preaparc"];

    private static readonly string[] Curvatures =
        ["curv", "thickness", "sulc", "area", "volume", "jacobian_white", "avg_curv", "area.pial", "area.mid", "curv.pial", "defect_labels", "inflated.H", "inflated.K", "white.H", "white.K"];

    /// <summary>The kind the name promises, or null when it follows no FreeSurfer convention.</summary>
    public static FreeSurferFileKind? ByName(string fileName)
    {
        if (fileName.EndsWith(".annot", StringComparison.Ordinal))
        {
            return FreeSurferFileKind.Annotation;
        }
        if (fileName.EndsWith(".label", StringComparison.Ordinal))
        {
            return FreeSurferFileKind.Label;
        }
        if (!fileName.StartsWith("lh.", StringComparison.Ordinal) && !fileName.StartsWith("rh.", StringComparison.Ordinal))
        {
            return null;
        }
        string rest = fileName[3..];
        // Curvature names first: inflated.H and white.K start with a surface name.
        if (Curvatures.Contains(rest, StringComparer.Ordinal))
        {
            return FreeSurferFileKind.Curvature;
        }
        return Surfaces.Any(s => rest == s || rest.StartsWith(s + ".", StringComparison.Ordinal)) ? FreeSurferFileKind.Surface : null;
    }

    /// <summary>
    /// The kind the bytes show, or null when they show none: a label is text starting with '#'
    /// (LabelWrite's "#!ascii label" header); binary kinds by their magic number and length, as
    /// <see cref="FreeSurferFile.Detect"/> tells them apart. An annotation has no signature.
    /// </summary>
    public static FreeSurferFileKind? ByContent(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[0] == (byte)'#')
        {
            return FreeSurferFileKind.Label;
        }
        if (bytes.Length < 6)
        {
            return null;
        }
        int magic = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
        if (magic is FreeSurferSurface.TriangleMagic or FreeSurferSurface.NewQuadMagic)
        {
            return FreeSurferFileKind.Surface;
        }
        if (magic == Curvature.NewMagic)
        {
            bool curvature = bytes.Length >= 15
                && BinaryPrimitives.ReadInt32BigEndian(bytes[11..]) == 1
                && 15 + (4L * BinaryPrimitives.ReadInt32BigEndian(bytes[3..])) == bytes.Length;
            // Otherwise an old quad surface or damaged curvature: only the name can say which.
            return curvature ? FreeSurferFileKind.Curvature : null;
        }
        return 6 + (2L * magic) == bytes.Length ? FreeSurferFileKind.Curvature : null;
    }
}
