using K4os.Compression.LZ4;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// One raw LZ4 block (no frame header, no sizes), written by K4os.Compression.LZ4: c-blosc's
/// <c>lz4_wrap</c> stores each stream of a Blosc frame compressed with lz4 this way, the
/// decoded size known from the frame.
/// </summary>
/// <remarks><see href="https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md"/></remarks>
internal static class Lz4Block
{
    public static byte[] Encode(byte[] data)
    {
        byte[] target = new byte[LZ4Codec.MaximumOutputSize(data.Length)];
        int written = LZ4Codec.Encode(data, target, LZ4Level.L00_FAST);
        if (written < 0)
        {
            throw new InvalidOperationException("LZ4 could not encode the stream");
        }
        byte[] block = target[..written];
        if (!Decode(block, data.Length).AsSpan().SequenceEqual(data))
        {
            throw new InvalidOperationException("LZ4 block does not decode to its data");
        }
        return block;
    }

    public static byte[] Decode(byte[] block, int size)
    {
        byte[] output = new byte[size];
        int written = LZ4Codec.Decode(block, output);
        if (written != size)
        {
            throw new InvalidOperationException($"LZ4 block holds {written} bytes, not {size}");
        }
        return output;
    }
}
