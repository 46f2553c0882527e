using System.Buffers.Binary;

namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// The 16-byte header of a Blosc 1 frame (c-blosc, README_CHUNK_FORMAT.rst, "The header
/// section"): version, compressor version, flags, typesize, then little-endian
/// <c>nbytes</c>, <c>blocksize</c> and <c>cbytes</c>.
/// </summary>
internal readonly record struct BloscHeader(byte Version, byte VersionLz, byte Flags, byte TypeSize, uint NBytes, uint BlockSize, uint CBytes)
{
    public const int Length = 16;

    /// <summary>The format version c-blosc 1.x writes and the only one it reads.</summary>
    public const byte FormatVersion = 2;

    /// <summary>The version byte of every compressor format c-blosc 1.x knows.</summary>
    public const byte CompressorFormatVersion = 1;

    // Flag bits ("flags and compressor enumeration").
    public const byte ByteShuffleFlag = 0x01;
    public const byte MemcpyedFlag = 0x02;
    public const byte BitShuffleFlag = 0x04;
    public const byte ReservedFlag = 0x08;
    public const byte DontSplitFlag = 0x10;

    // Compressor codes in the top three flag bits.
    public const int BloscLzCode = 0;
    public const int Lz4Code = 1;
    public const int SnappyCode = 2;
    public const int ZlibCode = 3;
    public const int ZstdCode = 4;

    /// <summary>c-blosc's BLOSC_MAX_BUFFERSIZE: the largest buffer a frame may hold.</summary>
    public const int MaxBufferSize = int.MaxValue - Length;

    /// <summary>c-blosc's BLOSC_MAX_BLOCKSIZE, sized so that its decoder's scratch fits in an int.</summary>
    public const int MaxBlockSize = (int.MaxValue - (255 * sizeof(int))) / 3;

    /// <summary>c-blosc's MIN_BUFFERSIZE: smaller buffers are copied, and split streams hold at least this many elements.</summary>
    public const int MinBufferSize = 128;

    /// <summary>c-blosc's MAX_SPLITS: wider types are never split into one stream per byte.</summary>
    public const int MaxSplits = 16;

    public int CompressorCode => Flags >> 5;

    public bool Memcpyed => (Flags & MemcpyedFlag) != 0;

    public static BloscHeader Read(ReadOnlySpan<byte> frame) => new(
        frame[0], frame[1], frame[2], frame[3],
        BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(frame[12..]));

    public void Write(Span<byte> frame)
    {
        frame[0] = Version;
        frame[1] = VersionLz;
        frame[2] = Flags;
        frame[3] = TypeSize;
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], NBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[8..], BlockSize);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[12..], CBytes);
    }

    /// <summary>
    /// Whether a block of <paramref name="blockLength"/> bytes is stored as one stream per byte
    /// of the type: the rule c-blosc's decoder applies (blosc.c, <c>blosc_d</c>), which keeps
    /// frames from before the "dont split" flag readable.
    /// </summary>
    public static bool IsSplit(byte flags, int typeSize, int blockLength, bool lastPartialBlock) =>
        (flags & DontSplitFlag) == 0
        && typeSize <= MaxSplits
        && blockLength / typeSize >= MinBufferSize
        && !lastPartialBlock;
}
