using Conformance.Reference.Gifti;

namespace Conformance.Validator.Validation.Gifti;

/// <summary>
/// What the structure check learnt of one DataArray: the attributes that parsed (null where one
/// broke a rule) and, when the payload decoded, the reader's array with its elements.
/// </summary>
internal sealed class GiftiArrayEntry(int index, string path)
{
    /// <summary>Position among the file's DataArray elements, from 0.</summary>
    public int Index { get; } = index;

    /// <summary>The element path, <c>/GIFTI/DataArray[n]</c>.</summary>
    public string Path { get; } = path;

    public GiftiIntent? Intent { get; set; }

    public GiftiDataType? DataType { get; set; }

    public ArrayIndexingOrder? Order { get; set; }

    public int[]? Dims { get; set; }

    public int TransformCount { get; set; }

    /// <summary>The decoded array, or null when an attribute or the payload broke a rule.</summary>
    public GiftiDataArray? Decoded { get; set; }
}
