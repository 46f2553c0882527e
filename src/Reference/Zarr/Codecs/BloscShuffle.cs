namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The filter a <c>blosc</c> codec applies to each block before compressing it (codecs/blosc,
/// "Configuration parameters": <c>shuffle</c>).
/// </summary>
public enum BloscShuffle
{
    /// <summary><c>"noshuffle"</c>: blocks are compressed as they are.</summary>
    NoShuffle,

    /// <summary><c>"shuffle"</c>: byte <c>j</c> of every element is gathered into plane <c>j</c>.</summary>
    Shuffle,

    /// <summary><c>"bitshuffle"</c>: bit <c>k</c> of byte <c>j</c> of every element is gathered into one bit row.</summary>
    BitShuffle,
}
