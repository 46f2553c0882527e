namespace Conformance.Reference.Gifti;

/// <summary>How the content of a Data element is encoded (sections 2.0 and 4.0).</summary>
public enum GiftiEncoding
{
    /// <summary><c>ASCII</c>: numbers as text separated by white space.</summary>
    Ascii,

    /// <summary><c>Base64Binary</c>: the binary elements, base64-encoded.</summary>
    Base64Binary,

    /// <summary><c>GZipBase64Binary</c>: the binary elements, zlib-compressed, then base64-encoded.</summary>
    GZipBase64Binary,

    /// <summary><c>ExternalFileBinary</c>: the binary elements in another file, at an offset.</summary>
    ExternalFileBinary,
}
