namespace Conformance.Performance;

/// <summary>Chunk compression of the deep-validation benchmark: <c>bytes</c> alone, then zstd level 3 or blosc (lz4, byte shuffle) after it.</summary>
public enum DeepValidationCodec
{
    None,
    Zstd3,
    BloscLz4,
}
