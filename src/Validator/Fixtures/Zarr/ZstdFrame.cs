using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// One Zstandard frame (RFC 8878) written by the ZstdSharp library, with the content size in
/// its header and, when asked, the content checksum: the zstd codec's output for one chunk, and
/// each stream of a Blosc frame whose compressor is zstd.
/// </summary>
/// <remarks><see href="https://github.com/zarr-developers/zarr-extensions/tree/main/codecs/zstd"/></remarks>
internal static class ZstdFrame
{
    public static byte[] Encode(byte[] data, int level, bool checksum)
    {
        using var compressor = new Compressor(level);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, checksum ? 1 : 0);
        byte[] frame = compressor.Wrap(data).ToArray();
        if (!Decode(frame).AsSpan().SequenceEqual(data))
        {
            throw new InvalidOperationException("zstd frame does not decode to its data");
        }
        return frame;
    }

    public static byte[] Decode(byte[] frame)
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(frame).ToArray();
    }
}
