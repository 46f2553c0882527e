namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// An ASCII label file (?h.V1.label): a header line, the point count, then one
/// "vertex x y z value" line per point.
/// </summary>
/// <remarks>
/// LabelRead / LabelWrite in <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/label.cpp">utils/label.cpp</see>;
/// <see href="https://surfer.nmr.mgh.harvard.edu/fswiki/LabelsClutsAnnotationFiles#Label">FreeSurfer wiki, Label</see>.
/// </remarks>
public sealed partial class Label(IReadOnlyList<LabelPoint> points)
{
    /// <summary>The shortest point line: five one-character fields, four blanks and a newline.</summary>
    private const int ShortestLine = 10;

    private static readonly char[] Blanks = [' ', '\t', '\r'];

    public IReadOnlyList<LabelPoint> Points { get; } = points;

    /// <summary>The first line, without its newline; FreeSurfer writes "#!ascii label …" and readers skip it.</summary>
    public string Header { get; init; } = "#!ascii label";
}
