namespace Conformance.Reference.Gifti;

/// <summary>Byte order of binary-encoded elements (section 2.0, DataArray, Endian).</summary>
public enum GiftiEndian
{
    /// <summary><c>LittleEndian</c>.</summary>
    Little,

    /// <summary><c>BigEndian</c>.</summary>
    Big,
}
