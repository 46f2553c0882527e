namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// A surface parcellation (?h.aparc.annot): (vertex, value) pairs, where a value is the packed
/// RGB colour of a colour-table entry and 0 marks a vertex with no label, then optionally the
/// colour table after TAG_OLD_COLORTABLE.
/// </summary>
/// <remarks>
/// MRISreadAnnotation / MRISwriteAnnotation in
/// <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/mrisurf_io.cpp">utils/mrisurf_io.cpp</see>;
/// <see href="https://surfer.nmr.mgh.harvard.edu/fswiki/LabelsClutsAnnotationFiles#Annotation">FreeSurfer wiki, Annotation</see>.
/// </remarks>
public sealed partial class Annotation
{
    /// <summary>The tag that introduces the colour table (utils/tags.h TAG_OLD_COLORTABLE).</summary>
    public const int ColorTableTag = 1;

    public Annotation(int[] vertices, int[] values, ColorTable? colorTable)
    {
        if (vertices.Length != values.Length)
        {
            throw new ArgumentException("one value per listed vertex");
        }
        Vertices = vertices;
        Values = values;
        ColorTable = colorTable;
    }

    /// <summary>The vertex of each pair, in file order.</summary>
    public int[] Vertices { get; }

    /// <summary>The annotation value of each pair: a packed colour, or 0 for no label.</summary>
    public int[] Values { get; }

    public ColorTable? ColorTable { get; }

    /// <summary>The colour-table index of each pair's value, -1 where there is no label or no matching entry.</summary>
    public int[] LabelIndices()
    {
        int[] indices = new int[Values.Length];
        for (int i = 0; i < Values.Length; i++)
        {
            indices[i] = Values[i] == 0 || ColorTable is null ? -1 : ColorTable.IndexOf(Values[i]);
        }
        return indices;
    }
}
