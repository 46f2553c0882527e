namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The compressors a <c>blosc</c> codec names in <c>cname</c> (codecs/blosc, "Configuration
/// parameters"), as c-blosc ships them.
/// </summary>
public enum BloscCompressor
{
    /// <summary><c>"blosclz"</c>: Blosc's own FastLZ-derived LZ77 format.</summary>
    BloscLz,

    /// <summary><c>"lz4"</c>: the LZ4 block format, fast mode.</summary>
    Lz4,

    /// <summary><c>"lz4hc"</c>: the LZ4 block format, high-compression mode; frames say LZ4.</summary>
    Lz4hc,

    /// <summary><c>"snappy"</c>: valid, but neither read nor written here.</summary>
    Snappy,

    /// <summary><c>"zlib"</c>: RFC 1950 zlib streams.</summary>
    Zlib,

    /// <summary><c>"zstd"</c>: RFC 8878 Zstandard frames.</summary>
    Zstd,
}
