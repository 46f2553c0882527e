using System.Buffers.Binary;
using System.IO.Compression;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// One RFC 1952 gzip member with a fixed header (no name, mtime 0, OS unknown), a raw deflate
/// body, and the CRC-32 and size trailer: the gzip codec's output for one chunk.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/gzip/#format-and-algorithm"/></remarks>
internal static class GzipMember
{
    private static readonly ReflectedCrc32 Crc = new(0xEDB88320, 0xCBF43926);

    public static byte[] Encode(byte[] data, int level)
    {
        // RFC 1952 2.3.1: XFL 2 marks the slowest compression, 4 the fastest.
        byte extraFlags = level == 9 ? (byte)2 : level == 1 ? (byte)4 : (byte)0;
        using var output = new MemoryStream();
        output.Write([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, extraFlags, 255]);
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(data);
        }
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)data.Length));
        output.Write(trailer);
        byte[] member = output.ToArray();
        using (var check = new GZipStream(new MemoryStream(member), CompressionMode.Decompress))
        using (var decoded = new MemoryStream())
        {
            check.CopyTo(decoded);
            if (!decoded.ToArray().AsSpan().SequenceEqual(data))
            {
                throw new InvalidOperationException("gzip member does not decode to its data");
            }
        }
        return member;
    }

    /// <summary>The CRC-32 of ISO 3309 / RFC 1952 8, which the gzip trailer carries.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data) => Crc.Compute(data);
}
