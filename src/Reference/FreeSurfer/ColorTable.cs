namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// The colour table stored at the end of an annotation file, in either binary layout. Entries
/// are kept in file order; <see cref="MaxEntries"/> is the table size FreeSurfer allocates, which
/// in the version 2 layout may exceed the entries present.
/// </summary>
/// <remarks>
/// CTABreadFromBinary / CTABwriteIntoBinary in
/// <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/colortab.cpp">utils/colortab.cpp</see>;
/// <see href="https://surfer.nmr.mgh.harvard.edu/fswiki/LabelsClutsAnnotationFiles">FreeSurfer wiki: labels, colour tables, annotations</see>.
/// </remarks>
public sealed partial class ColorTable(IReadOnlyList<ColorTableEntry> entries)
{
    /// <summary>The version number that starts the version 2 layout.</summary>
    public const int Version2Marker = -2;

    public IReadOnlyList<ColorTableEntry> Entries { get; } = entries;

    public ColorTableLayout Layout { get; init; } = ColorTableLayout.Version2;

    /// <summary>The number of table slots; by default one past the highest entry index.</summary>
    public int MaxEntries { get; init; } = entries.Count == 0 ? 0 : entries.Max(e => e.Index) + 1;

    /// <summary>The colour lookup table file the table was taken from, as recorded.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The index of the entry whose packed colour is <paramref name="annotation"/>, or -1.</summary>
    public int IndexOf(int annotation)
    {
        foreach (ColorTableEntry entry in Entries)
        {
            if (entry.Annotation == annotation)
            {
                return entry.Index;
            }
        }
        return -1;
    }
}
