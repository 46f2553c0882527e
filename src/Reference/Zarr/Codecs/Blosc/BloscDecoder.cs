using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Conformance.Reference.Buffers;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// Decodes one Blosc 1 frame (c-blosc, README_CHUNK_FORMAT.rst; the checks follow c-blosc's
/// <c>blosc_run_decompression_with_context</c> and <c>blosc_d</c>). Every size the header
/// states is checked against the frame and the output limit before anything is allocated;
/// any fault is a <see cref="ZarrRules.BloscData"/> violation at the caller's location.
/// </summary>
internal static class BloscDecoder
{
    public static void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location)
    {
        ReadOnlySpan<byte> frame = encoded.Span;
        if (frame.Length < BloscHeader.Length)
        {
            throw Fail(location, $"{frame.Length} bytes cannot hold the 16-byte Blosc header");
        }
        BloscHeader header = BloscHeader.Read(frame);
        if (header.Version > BloscHeader.FormatVersion)
        {
            throw new ConformanceException(ZarrRules.BloscData, location,
                $"Blosc format version {header.Version} is a Blosc2 chunk; only Blosc 1 frames (version 2) are supported", Outcome.Unsupported);
        }
        if (header.Version != BloscHeader.FormatVersion)
        {
            throw Fail(location, $"Blosc format version {header.Version} is not 2, the version of the Blosc 1 format");
        }
        if (header.CBytes != frame.Length)
        {
            throw Fail(location, header.CBytes > frame.Length
                ? $"the header says the frame has {header.CBytes} bytes, but only {frame.Length} are there"
                : $"the header says the frame has {header.CBytes} bytes, but {frame.Length - header.CBytes} more follow it");
        }
        if ((header.Flags & BloscHeader.ReservedFlag) != 0)
        {
            throw Fail(location, $"flags 0x{header.Flags:x2} set the reserved bit 3");
        }
        if (header.NBytes > BloscHeader.MaxBufferSize)
        {
            throw Fail(location, $"nbytes {header.NBytes} exceeds the {BloscHeader.MaxBufferSize} bytes a Blosc 1 frame can hold");
        }
        if (header.NBytes > output.MaxLength)
        {
            throw new ConformanceException(ZarrRules.ChunkSize, location, $"the Blosc frame decompresses to {header.NBytes} bytes, more than the {output.MaxLength} the chunk can hold");
        }
        int nbytes = (int)header.NBytes;
        if (nbytes == 0)
        {
            return;
        }
        if (header.TypeSize == 0)
        {
            throw Fail(location, "typesize is 0");
        }
        if (header.BlockSize == 0 || header.BlockSize > header.NBytes || header.BlockSize > BloscHeader.MaxBlockSize)
        {
            throw Fail(location, $"blocksize {header.BlockSize} is not between 1 and nbytes ({nbytes})");
        }
        if (header.Memcpyed && frame.Length - BloscHeader.Length != nbytes)
        {
            throw Fail(location, $"a memcpyed frame holds nbytes ({nbytes}) after its header, not {frame.Length - BloscHeader.Length}");
        }
        if (!header.Memcpyed)
        {
            CheckCompressed(header, frame.Length, location);
        }
        Span<byte> target = output.GetSpan(nbytes)[..nbytes];
        if (header.Memcpyed)
        {
            frame[BloscHeader.Length..].CopyTo(target);
        }
        else
        {
            DecodeBlocks(encoded, header, target, location);
        }
        output.Advance(nbytes);
    }

    /// <summary>The checks c-blosc makes of a compressed frame before decoding its blocks.</summary>
    private static void CheckCompressed(BloscHeader header, int frameLength, string location)
    {
        int compressor = header.CompressorCode;
        switch (compressor)
        {
            case BloscHeader.SnappyCode:
                throw new ConformanceException(ZarrRules.BloscData, location, "the frame is compressed with snappy, which is not supported", Outcome.Unsupported);
            case > BloscHeader.ZstdCode:
                throw Fail(location, $"compressor code {compressor} names no Blosc compressor");
        }
        if (header.VersionLz != BloscHeader.CompressorFormatVersion)
        {
            throw Fail(location, $"compressor format version {header.VersionLz} is not 1");
        }
        long blocks = (header.NBytes / header.BlockSize) + (header.NBytes % header.BlockSize > 0 ? 1 : 0);
        if (BloscHeader.Length + (4 * blocks) > frameLength)
        {
            throw Fail(location, $"{blocks} block offsets do not fit in the {frameLength}-byte frame");
        }
    }

    private static void DecodeBlocks(ReadOnlyMemory<byte> encoded, BloscHeader header, Span<byte> target, string location)
    {
        ReadOnlySpan<byte> frame = encoded.Span;
        int blockSize = (int)header.BlockSize;
        int typeSize = header.TypeSize;
        int blocks = (target.Length / blockSize) + (target.Length % blockSize > 0 ? 1 : 0);
        int streamsStart = BloscHeader.Length + (4 * blocks);
        byte[] scratch = (header.Flags & (BloscHeader.ByteShuffleFlag | BloscHeader.BitShuffleFlag)) != 0 ? ArrayPool<byte>.Shared.Rent(blockSize) : [];
        using var streams = new StreamDecoder(header.CompressorCode);
        try
        {
            for (int j = 0; j < blocks; j++)
            {
                int start = j * blockSize;
                int length = Math.Min(blockSize, target.Length - start);
                bool partial = length < blockSize;
                Span<byte> block = target.Slice(start, length);
                bool byteShuffled = (header.Flags & BloscHeader.ByteShuffleFlag) != 0 && typeSize > 1;
                bool bitShuffled = !byteShuffled && (header.Flags & BloscHeader.BitShuffleFlag) != 0 && length >= typeSize;
                Span<byte> streamTarget = byteShuffled || bitShuffled ? scratch.AsSpan(0, length) : block;
                uint offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(BloscHeader.Length + (4 * j))..]);
                if (offset < streamsStart || offset > frame.Length)
                {
                    throw Fail(location, $"block {j} starts at byte {offset}, outside the frame's streams ({streamsStart} to {frame.Length})");
                }
                int splits = BloscHeader.IsSplit(header.Flags, typeSize, length, partial) ? typeSize : 1;
                if (length % splits != 0)
                {
                    throw Fail(location, $"block {j} of {length} bytes cannot be split into {splits} equal streams");
                }
                int streamLength = length / splits;
                int at = (int)offset;
                for (int s = 0; s < splits; s++)
                {
                    if (frame.Length - at < 4)
                    {
                        throw Fail(location, $"block {j} stream {s} has no size: the frame ends at byte {frame.Length}");
                    }
                    uint size = BinaryPrimitives.ReadUInt32LittleEndian(frame[at..]);
                    at += 4;
                    if (size > frame.Length - at)
                    {
                        throw Fail(location, $"block {j} stream {s} claims {size} bytes, {frame.Length - at} remain in the frame");
                    }
                    ReadOnlyMemory<byte> stream = encoded.Slice(at, (int)size);
                    Span<byte> decoded = streamTarget.Slice(s * streamLength, streamLength);
                    // c-blosc stores a stream that did not shrink as it is, with its own length as size.
                    if (size == streamLength)
                    {
                        stream.Span.CopyTo(decoded);
                    }
                    else if (streams.Decode(stream, decoded) is string why)
                    {
                        throw Fail(location, $"block {j} stream {s}: {why}");
                    }
                    at += (int)size;
                }
                if (byteShuffled)
                {
                    ByteShuffle.Unshuffle(typeSize, streamTarget, block);
                }
                else if (bitShuffled)
                {
                    BitShuffle.Unshuffle(typeSize, streamTarget, block);
                }
            }
        }
        finally
        {
            if (scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private static ConformanceException Fail(string location, string message) =>
        new(ZarrRules.BloscData, location, "invalid Blosc frame: " + message);

    /// <summary>Decodes the streams of one frame, keeping a zstd context across them.</summary>
    private sealed class StreamDecoder(int compressor) : IDisposable
    {
        private Decompressor? _zstd;

        /// <summary>Fills <paramref name="decoded"/> exactly from <paramref name="stream"/>; returns null, or why it cannot.</summary>
        public string? Decode(ReadOnlyMemory<byte> stream, Span<byte> decoded) => compressor switch
        {
            BloscHeader.BloscLzCode => BloscLzDecoder.Decode(stream.Span, decoded),
            BloscHeader.Lz4Code => Lz4(stream.Span, decoded),
            BloscHeader.ZlibCode => Zlib(stream, decoded),
            _ => Zstd(stream.Span, decoded),
        };

        private static string? Lz4(ReadOnlySpan<byte> stream, Span<byte> decoded)
        {
            int written = LZ4Codec.Decode(stream, decoded);
            return written == decoded.Length ? null : "not an LZ4 block of the stream's size";
        }

        private static string? Zlib(ReadOnlyMemory<byte> stream, Span<byte> decoded)
        {
            try
            {
                using var zlib = new ZLibStream(ReadOnlyMemoryStream.Create(stream), CompressionMode.Decompress);
                int filled = 0;
                while (filled < decoded.Length)
                {
                    int n = zlib.Read(decoded[filled..]);
                    if (n == 0)
                    {
                        return $"the zlib stream ends after {filled} of {decoded.Length} bytes";
                    }
                    filled += n;
                }
                Span<byte> probe = stackalloc byte[1];
                return zlib.Read(probe) == 0 ? null : $"the zlib stream holds more than {decoded.Length} bytes";
            }
            catch (InvalidDataException e)
            {
                return "not a zlib stream: " + e.Message;
            }
        }

        private string? Zstd(ReadOnlySpan<byte> stream, Span<byte> decoded)
        {
            try
            {
                _zstd ??= new Decompressor();
                int written = _zstd.Unwrap(stream, decoded);
                return written == decoded.Length ? null : $"the zstd data holds {written} bytes, not {decoded.Length}";
            }
            catch (ZstdException e)
            {
                return "not zstd data of the stream's size: " + e.Message;
            }
        }

        public void Dispose() => _zstd?.Dispose();
    }
}
