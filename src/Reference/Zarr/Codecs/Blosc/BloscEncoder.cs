using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Conformance.Reference.Buffers;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// Writes Blosc 1 frames as c-blosc 1.x does (blosc.c, <c>blosc_compress_ctx</c>): the same
/// header, block offsets from the start of the frame, one stream per byte of the type where
/// c-blosc's forward-compatible split rule says so, streams that did not shrink stored as
/// they are, and the whole buffer copied behind the header (the memcpyed flag) at level 0,
/// below 128 bytes, or when compressing would take more than 16 bytes beyond the input.
/// </summary>
internal static class BloscEncoder
{
    private const int L1 = 32 * 1024;

    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> output, BloscCompressor compressor, int level, BloscShuffle shuffle, long typeSize, long blockSize)
    {
        if (source.Length > BloscHeader.MaxBufferSize)
        {
            throw new ArgumentOutOfRangeException(nameof(source), $"Blosc frames hold at most {BloscHeader.MaxBufferSize} bytes");
        }
        int nbytes = source.Length;
        // c-blosc treats a type wider than its one-byte header field as a stream of bytes.
        int type = typeSize > byte.MaxValue ? 1 : (int)typeSize;
        int block = ComputeBlockSize(compressor, level, type, nbytes, blockSize);
        int flags = shuffle switch
        {
            BloscShuffle.Shuffle => BloscHeader.ByteShuffleFlag,
            BloscShuffle.BitShuffle => BloscHeader.BitShuffleFlag,
            _ => 0,
        };
        if (!SplitsBlocks(compressor, type, block))
        {
            flags |= BloscHeader.DontSplitFlag;
        }
        flags |= CompressorCode(compressor) << 5;
        int capacity = nbytes + BloscHeader.Length;
        Span<byte> frame = output.GetSpan(capacity)[..capacity];
        var header = new BloscHeader(BloscHeader.FormatVersion, BloscHeader.CompressorFormatVersion, (byte)flags, (byte)type, (uint)nbytes, (uint)block, 0);
        int written = level == 0 || nbytes < BloscHeader.MinBufferSize ? 0 : CompressBlocks(source, frame, header, compressor, level, shuffle);
        if (written == 0)
        {
            header = header with { Flags = (byte)(flags | BloscHeader.MemcpyedFlag) };
            source.CopyTo(frame[BloscHeader.Length..]);
            written = capacity;
        }
        (header with { CBytes = (uint)written }).Write(frame);
        output.Advance(written);
    }

    /// <summary>
    /// The block size c-blosc 1.x picks (blosc.c, <c>compute_blocksize</c>). Automatic
    /// (<paramref name="requested"/> 0): the whole buffer below 32 KiB, else 32 KiB scaled by
    /// level, doubled for lz4hc, zlib and zstd, and for split streams grown to 64 KiB–1 MiB by
    /// the type size. A requested size is kept, clamped to 128 bytes and c-blosc's maximum. Then
    /// it is cut to the buffer and rounded down to a multiple of the type size.
    /// </summary>
    internal static int ComputeBlockSize(BloscCompressor compressor, int level, int typeSize, int nbytes, long requested)
    {
        if (nbytes < typeSize)
        {
            return 1;
        }
        long size = nbytes;
        if (requested > 0)
        {
            size = Math.Clamp(requested, BloscHeader.MinBufferSize, BloscHeader.MaxBlockSize);
        }
        else
        {
            bool highRatio = compressor is BloscCompressor.Lz4hc or BloscCompressor.Zlib or BloscCompressor.Zstd;
            if (nbytes >= L1)
            {
                size = highRatio ? 2 * L1 : L1;
                size = level switch
                {
                    0 => size / 4,
                    1 => size / 2,
                    2 => size,
                    3 => size * 2,
                    4 or 5 => size * 4,
                    6 or 7 or 8 => size * 8,
                    _ => size * (highRatio ? 16 : 8),
                };
            }
            if (level > 0 && SplitsBlocks(compressor, typeSize, (int)Math.Min(size, int.MaxValue)))
            {
                size = Math.Clamp(Math.Min(size, 1 << 18) * typeSize, 1 << 16, 1 << 20);
            }
        }
        size = Math.Min(size, nbytes);
        if (size > typeSize)
        {
            size = size / typeSize * typeSize;
        }
        return (int)size;
    }

    /// <summary>
    /// c-blosc's forward-compatible split rule (<c>BLOSC_FORWARD_COMPAT_SPLIT</c>, its default):
    /// every compressor but zstd, for types of at most 16 bytes with at least 128 elements a block.
    /// </summary>
    internal static bool SplitsBlocks(BloscCompressor compressor, int typeSize, int blockSize) =>
        compressor != BloscCompressor.Zstd
        && typeSize <= BloscHeader.MaxSplits
        && blockSize / typeSize >= BloscHeader.MinBufferSize;

    private static int CompressorCode(BloscCompressor compressor) => compressor switch
    {
        BloscCompressor.BloscLz => BloscHeader.BloscLzCode,
        BloscCompressor.Lz4 or BloscCompressor.Lz4hc => BloscHeader.Lz4Code,
        BloscCompressor.Zlib => BloscHeader.ZlibCode,
        BloscCompressor.Zstd => BloscHeader.ZstdCode,
        _ => throw new NotSupportedException($"blosc cannot write {compressor} streams"),
    };

    /// <summary>Writes the block offsets and streams after the header; returns the frame's length, or 0 if it would not fit.</summary>
    private static int CompressBlocks(ReadOnlySpan<byte> source, Span<byte> frame, BloscHeader header, BloscCompressor compressor, int level, BloscShuffle shuffle)
    {
        int blockSize = (int)header.BlockSize;
        int typeSize = header.TypeSize;
        int blocks = (source.Length / blockSize) + (source.Length % blockSize > 0 ? 1 : 0);
        long op = BloscHeader.Length + (4L * blocks);
        if (op > frame.Length)
        {
            return 0;
        }
        byte[] scratch = shuffle == BloscShuffle.NoShuffle ? [] : ArrayPool<byte>.Shared.Rent(blockSize);
        using var streams = new StreamEncoder(compressor, level);
        try
        {
            for (int j = 0; j < blocks; j++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(frame[(BloscHeader.Length + (4 * j))..], (uint)op);
                int start = j * blockSize;
                int length = Math.Min(blockSize, source.Length - start);
                ReadOnlySpan<byte> block = source.Slice(start, length);
                if (shuffle == BloscShuffle.Shuffle && typeSize > 1)
                {
                    ByteShuffle.Shuffle(typeSize, block, scratch);
                    block = scratch.AsSpan(0, length);
                }
                else if (shuffle == BloscShuffle.BitShuffle && length >= typeSize)
                {
                    BitShuffle.Shuffle(typeSize, block, scratch);
                    block = scratch.AsSpan(0, length);
                }
                int splits = BloscHeader.IsSplit(header.Flags, typeSize, length, length < blockSize) ? typeSize : 1;
                int streamLength = length / splits;
                for (int s = 0; s < splits; s++)
                {
                    ReadOnlySpan<byte> raw = block.Slice(s * streamLength, streamLength);
                    ReadOnlySpan<byte> compressed = streams.Compress(raw);
                    // A stream that did not shrink is stored as it is: its size then equals its length.
                    ReadOnlySpan<byte> stored = compressed.IsEmpty || compressed.Length >= raw.Length ? raw : compressed;
                    if (op + 4 + stored.Length > frame.Length)
                    {
                        return 0;
                    }
                    BinaryPrimitives.WriteUInt32LittleEndian(frame[(int)op..], (uint)stored.Length);
                    stored.CopyTo(frame[((int)op + 4)..]);
                    op += 4 + stored.Length;
                }
            }
            return (int)op;
        }
        finally
        {
            if (scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Compresses the streams of one frame into a reused buffer, keeping a zstd context across them.</summary>
    private sealed class StreamEncoder(BloscCompressor compressor, int level) : IDisposable
    {
        private readonly PooledBufferWriter _buffer = new();
        private Compressor? _zstd;

        /// <summary>The compressed stream, valid until the next call; empty when the compressor gave up.</summary>
        public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> raw)
        {
            _buffer.Clear();
            return compressor switch
            {
                BloscCompressor.BloscLz => BloscLz(raw),
                BloscCompressor.Lz4 or BloscCompressor.Lz4hc => Lz4(raw),
                BloscCompressor.Zlib => Zlib(raw),
                _ => Zstd(raw),
            };
        }

        private Span<byte> BloscLz(ReadOnlySpan<byte> raw)
        {
            // A stream as long as its input is stored raw, so the encoder gets one byte less.
            Span<byte> target = _buffer.GetSpan(raw.Length)[..(raw.Length - 1)];
            return target[..BloscLzEncoder.Encode(raw, target, level switch { 1 => 12, 2 => 13, _ => 14 })];
        }

        private Span<byte> Lz4(ReadOnlySpan<byte> raw)
        {
            Span<byte> target = _buffer.GetSpan(LZ4Codec.MaximumOutputSize(raw.Length));
            // lz4hc levels start at 3; c-blosc passes its level through.
            LZ4Level mode = compressor == BloscCompressor.Lz4 ? LZ4Level.L00_FAST : (LZ4Level)Math.Max(level, 3);
            int written = LZ4Codec.Encode(raw, target, mode);
            return written > 0 ? target[..written] : [];
        }

        private ReadOnlySpan<byte> Zlib(ReadOnlySpan<byte> raw)
        {
            using (var sink = new BufferWriterStream(_buffer))
            using (var zlib = new ZLibStream(sink, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            return _buffer.WrittenSpan;
        }

        private Span<byte> Zstd(ReadOnlySpan<byte> raw)
        {
            // c-blosc's mapping (blosc.c, zstd_wrap_compress): level 2c - 1, and zstd's maximum at 9.
            _zstd ??= new Compressor(level < 9 ? (2 * level) - 1 : Compressor.MaxCompressionLevel);
            Span<byte> target = _buffer.GetSpan(Compressor.GetCompressBound(raw.Length));
            return target[.._zstd.Wrap(raw, target)];
        }

        public void Dispose()
        {
            _zstd?.Dispose();
            _buffer.Dispose();
        }
    }
}
