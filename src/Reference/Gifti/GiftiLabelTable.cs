namespace Conformance.Reference.Gifti;

/// <summary>The LabelTable element: the labels a NIFTI_INTENT_LABEL array's values refer to by key.</summary>
/// <remarks>GIFTI 1.0 section 2.0, LabelTable.</remarks>
public sealed class GiftiLabelTable
{
    public List<GiftiLabel> Labels { get; } = [];
}
