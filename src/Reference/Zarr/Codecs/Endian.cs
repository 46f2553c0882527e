namespace Conformance.Reference.Zarr.Codecs;

/// <summary>Byte order of the <c>bytes</c> codec.</summary>
public enum Endian
{
    Little,
    Big,
}
