using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Blosc 1 frames, written from c-blosc's chunk format (README_CHUNK_FORMAT.rst): a 16-byte
/// header (version 2, compressor version 1, flags, typesize, then little-endian nbytes,
/// blocksize and cbytes), one offset per block counted from the start of the frame, then each
/// block as one stream, or as one stream per byte of the type ("split"), each stream after its
/// size; a stream that does not shrink is stored as it is. Streams are zlib streams, raw LZ4
/// blocks (<see cref="Lz4Block"/>), Zstandard frames (<see cref="ZstdFrame"/>), and for an
/// unsupported case a minimal snappy stream; BloscLZ streams hold literals and runs only
/// (<see cref="BloscLzStream"/>).
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/blosc/#format-and-algorithm"/></remarks>
internal static class BloscFrame
{
    public const int HeaderSize = 16;
    public const byte ByteShuffleFlag = 0x01;
    public const byte MemcpyedFlag = 0x02;
    public const byte BitShuffleFlag = 0x04;
    public const byte DontSplitFlag = 0x10;

    private static readonly Dictionary<string, byte> ShuffleFlags = new(StringComparer.Ordinal)
    {
        ["noshuffle"] = 0x00,
        ["shuffle"] = ByteShuffleFlag,
        ["bitshuffle"] = BitShuffleFlag,
    };

    private static readonly Dictionary<string, int> CompressorCodes = new(StringComparer.Ordinal)
    {
        ["blosclz"] = 0,
        ["lz4"] = 1,
        ["lz4hc"] = 1,
        ["snappy"] = 2,
        ["zlib"] = 3,
        ["zstd"] = 4,
    };

    /// <summary>One frame for <paramref name="data"/> under the codec configuration <paramref name="configuration"/>.</summary>
    public static byte[] Encode(byte[] data, JsonMembers configuration, BloscFrameOptions frame)
    {
        string cname = (string)configuration["cname"]!;
        string shuffle = (string)configuration["shuffle"]!;
        int clevel = Number(configuration["clevel"]);
        int typesize = frame.HeaderTypesize ?? (configuration.Contains("typesize") ? Number(configuration["typesize"]) : 1);
        int nbytes = data.Length;
        int configured = Number(configuration["blocksize"]);
        int blocksize = frame.Blocksize ?? (configured != 0 ? configured : nbytes);
        int flags = ShuffleFlags[shuffle] | (CompressorCodes[cname] << 5);
        bool split = frame.Split ?? (cname != "zstd" && typesize <= 16 && blocksize / typesize >= 128);
        if (!split)
        {
            flags |= DontSplitFlag;
        }
        if (frame.Memcpyed ?? clevel == 0)
        {
            byte[] copied = new byte[HeaderSize + nbytes];
            WriteHeader(copied, flags | MemcpyedFlag, typesize, nbytes, blocksize, HeaderSize + nbytes);
            data.CopyTo(copied, HeaderSize);
            Check(copied, data);
            return copied;
        }
        Func<byte[], byte[]> compress = frame.Compress ?? cname switch
        {
            "zlib" => raw => Zlib(raw, clevel),
            "lz4" or "lz4hc" => Lz4Block.Encode,
            // c-blosc's zstd_wrap passes clevel on as the zstd level, 9 meaning zstd's maximum.
            "zstd" => raw => ZstdFrame.Encode(raw, clevel == 9 ? 22 : clevel, checksum: false),
            "blosclz" => BloscLzStream.Encode,
            _ => throw new ArgumentException("no compressor for " + cname, nameof(configuration)),
        };
        int blockCount = (nbytes + blocksize - 1) / blocksize;
        int offset = HeaderSize + (4 * blockCount);
        using var body = new MemoryStream();
        List<int> starts = [];
        Span<byte> size = stackalloc byte[4];
        for (int start = 0; start < nbytes; start += blocksize)
        {
            byte[] block = data[start..Math.Min(nbytes, start + blocksize)];
            starts.Add(offset + (int)body.Length);
            if (shuffle == "shuffle" && typesize > 1)
            {
                block = ByteShuffle(block, typesize);
            }
            else if (shuffle == "bitshuffle" && block.Length >= typesize)
            {
                block = BitShuffle(block, typesize, inverse: false);
            }
            int splits = Splits(flags, typesize, block.Length, blocksize);
            if (split && block.Length == blocksize && splits != typesize)
            {
                throw new InvalidOperationException("c-blosc would not split this block");
            }
            int streamSize = block.Length / splits;
            for (int s = 0; s < splits; s++)
            {
                byte[] raw = block[(s * streamSize)..((s + 1) * streamSize)];
                byte[] stored = compress(raw);
                if (stored.Length >= raw.Length)
                {
                    stored = raw;
                }
                BinaryPrimitives.WriteInt32LittleEndian(size, stored.Length);
                body.Write(size);
                body.Write(stored);
            }
        }
        byte[] frameBytes = new byte[offset + body.Length];
        WriteHeader(frameBytes, flags, typesize, nbytes, blocksize, frameBytes.Length);
        for (int b = 0; b < starts.Count; b++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(frameBytes.AsSpan(HeaderSize + (4 * b)), starts[b]);
        }
        body.ToArray().CopyTo(frameBytes, offset);
        if (cname is "zlib" or "lz4" or "zstd" or "blosclz")
        {
            Check(frameBytes, data);
        }
        return frameBytes;
    }

    /// <summary>The generator's own reader, to check its frames: memcpyed, raw, BloscLZ, zlib, LZ4 and zstd streams.</summary>
    public static byte[] Decode(byte[] frame)
    {
        byte flags = frame[2];
        int typesize = frame[3];
        int nbytes = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(4));
        int blocksize = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(8));
        int cbytes = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(12));
        if (cbytes != frame.Length)
        {
            throw new InvalidOperationException("cbytes is not the frame's length");
        }
        if ((flags & MemcpyedFlag) != 0)
        {
            return frame[HeaderSize..];
        }
        using var output = new MemoryStream();
        int blockCount = (nbytes + blocksize - 1) / blocksize;
        for (int b = 0; b < blockCount; b++)
        {
            int length = Math.Min(blocksize, nbytes - (b * blocksize));
            int at = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(HeaderSize + (4 * b)));
            int splits = Splits(flags, typesize, length, blocksize);
            using var block = new MemoryStream();
            for (int s = 0; s < splits; s++)
            {
                int size = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(at));
                byte[] stream = frame[(at + 4)..(at + 4 + size)];
                block.Write(size == length / splits ? stream : (flags >> 5) switch
                {
                    0 => BloscLzStream.Decode(stream, length / splits),
                    1 => Lz4Block.Decode(stream, length / splits),
                    4 => ZstdFrame.Decode(stream),
                    _ => Unzlib(stream),
                });
                at += 4 + size;
            }
            byte[] decoded = block.ToArray();
            if ((flags & ByteShuffleFlag) != 0 && typesize > 1)
            {
                decoded = ByteUnshuffle(decoded, typesize);
            }
            else if ((flags & BitShuffleFlag) != 0 && length >= typesize)
            {
                decoded = BitShuffle(decoded, typesize, inverse: true);
            }
            output.Write(decoded);
        }
        return output.ToArray();
    }

    /// <summary>How many streams a block is stored as: c-blosc's decoder rule (blosc.c, blosc_d).</summary>
    public static int Splits(int flags, int typesize, int length, int blocksize) =>
        (flags & DontSplitFlag) == 0 && typesize <= 16 && length / typesize >= 128 && length == blocksize ? typesize : 1;

    /// <summary>Byte j of element i moves to j * n + i; bytes after the last whole element stay put.</summary>
    public static byte[] ByteShuffle(byte[] block, int typesize)
    {
        int n = block.Length / typesize;
        byte[] output = (byte[])block.Clone();
        for (int j = 0; j < typesize; j++)
        {
            for (int i = 0; i < n; i++)
            {
                output[(j * n) + i] = block[(i * typesize) + j];
            }
        }
        return output;
    }

    public static byte[] ByteUnshuffle(byte[] block, int typesize)
    {
        int n = block.Length / typesize;
        byte[] output = (byte[])block.Clone();
        for (int j = 0; j < typesize; j++)
        {
            for (int i = 0; i < n; i++)
            {
                output[(i * typesize) + j] = block[(j * n) + i];
            }
        }
        return output;
    }

    /// <summary>
    /// Row 8j+k holds bit k of byte j of every element, element 8m+r in bit r of the row's byte
    /// m. c-blosc leaves a block whose element count is not a multiple of 8 as it is.
    /// </summary>
    public static byte[] BitShuffle(byte[] block, int typesize, bool inverse)
    {
        int n = block.Length / typesize;
        byte[] output = (byte[])block.Clone();
        if (n % 8 != 0)
        {
            return output;
        }
        int row = n / 8;
        for (int j = 0; j < typesize; j++)
        {
            for (int k = 0; k < 8; k++)
            {
                for (int m = 0; m < row; m++)
                {
                    for (int r = 0; r < 8; r++)
                    {
                        int element = (((8 * m) + r) * typesize) + j;
                        int bit = (((8 * j) + k) * row) + m;
                        if (inverse)
                        {
                            output[element] = (byte)((output[element] & ~(1 << k)) | (((block[bit] >> r) & 1) << k));
                        }
                        else
                        {
                            output[bit] = (byte)((output[bit] & ~(1 << r)) | (((block[element] >> k) & 1) << r));
                        }
                    }
                }
            }
        }
        return output;
    }

    /// <summary>
    /// A raw snappy stream: the length as a varint, then literals, with runs of one byte as a
    /// literal and copies at offset 1 (tag 2: length - 1 in the top six bits, u16le offset).
    /// </summary>
    public static byte[] SnappyRuns(byte[] data)
    {
        var output = new List<byte>();
        int n = data.Length;
        while (true)
        {
            output.Add((byte)((n & 0x7F) | (n > 0x7F ? 0x80 : 0)));
            n >>= 7;
            if (n == 0)
            {
                break;
            }
        }
        int i = 0;
        while (i < data.Length)
        {
            int run = 1;
            while (i + run < data.Length && data[i + run] == data[i])
            {
                run++;
            }
            output.Add(0);
            output.Add(data[i]);
            i++;
            run--;
            while (run > 0)
            {
                int step = Math.Min(run, 64);
                output.Add((byte)(((step - 1) << 2) | 2));
                output.Add(1);
                output.Add(0);
                i += step;
                run -= step;
            }
        }
        return [.. output];
    }

    /// <summary>A zlib stream (RFC 1950) at the given level, as Python's <c>zlib.compress</c> writes one.</summary>
    public static byte[] Zlib(byte[] raw, int level)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return output.ToArray();
    }

    private static byte[] Unzlib(byte[] stream)
    {
        using var zlib = new ZLibStream(new MemoryStream(stream), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static void WriteHeader(Span<byte> frame, int flags, int typesize, int nbytes, int blocksize, int cbytes)
    {
        frame[0] = 2;
        frame[1] = 1;
        frame[2] = (byte)flags;
        frame[3] = (byte)typesize;
        BinaryPrimitives.WriteInt32LittleEndian(frame[4..], nbytes);
        BinaryPrimitives.WriteInt32LittleEndian(frame[8..], blocksize);
        BinaryPrimitives.WriteInt32LittleEndian(frame[12..], cbytes);
    }

    private static void Check(byte[] frame, byte[] data)
    {
        if (!Decode(frame).AsSpan().SequenceEqual(data))
        {
            throw new InvalidOperationException("Blosc frame does not decode to its data");
        }
    }

    private static int Number(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
