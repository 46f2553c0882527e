namespace Conformance.Reference.Gifti;

/// <summary>The GIFTI root element: file metadata, label table and data arrays.</summary>
/// <remarks>GIFTI 1.0 section 2.0, GIFTI.</remarks>
public sealed class GiftiImage
{
    /// <summary>The Version attribute; "1.0" for this spec.</summary>
    public string Version { get; set; } = "1.0";

    /// <summary>
    /// The NumberOfDataArrays attribute as read. The writer ignores it and writes
    /// <see cref="DataArrays"/>' count.
    /// </summary>
    public int NumberOfDataArrays { get; set; }

    public GiftiMetaData MetaData { get; set; } = new();

    public GiftiLabelTable LabelTable { get; set; } = new();

    public List<GiftiDataArray> DataArrays { get; } = [];
}
