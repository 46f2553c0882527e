using System.Buffers;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr.Codecs.Blosc;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The <c>blosc</c> codec (codecs/blosc): one Blosc 1 frame per chunk, in the format of the
/// reference implementation c-blosc 1.x. Decoding follows what each frame says (compressor,
/// shuffle, block size, split streams) whatever the configuration; blosclz, lz4, lz4hc, zlib
/// and zstd frames are read and written, snappy frames neither.
/// </summary>
/// <remarks>
/// Configuration: <c>cname</c>, <c>clevel</c> 0–9, <c>shuffle</c>, <c>blocksize</c> (0 for
/// automatic) are required; <c>typesize</c>, a positive integer, is required unless
/// <c>shuffle</c> is <c>"noshuffle"</c>. See <see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/blosc/index.html">codecs/blosc</see>.
/// </remarks>
public sealed class BloscCodec : IBytesToBytesCodec
{
    public BloscCodec(BloscCompressor compressor, int level, BloscShuffle shuffle, long? typeSize, long blockSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        ArgumentOutOfRangeException.ThrowIfNegative(blockSize);
        if (typeSize is null && shuffle != BloscShuffle.NoShuffle)
        {
            throw new ArgumentNullException(nameof(typeSize), "blosc needs a typesize to shuffle");
        }
        if (typeSize is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(typeSize.Value, 1, nameof(typeSize));
        }
        Compressor = compressor;
        Level = level;
        Shuffle = shuffle;
        TypeSize = typeSize;
        BlockSize = blockSize;
    }

    public const string CodecName = "blosc";

    public BloscCompressor Compressor { get; }

    public int Level { get; }

    public BloscShuffle Shuffle { get; }

    /// <summary>The stride shuffling works over; null only without shuffling.</summary>
    public long? TypeSize { get; }

    /// <summary>Bytes per block, 0 for c-blosc's automatic choice.</summary>
    public long BlockSize { get; }

    /// <summary>
    /// A codec for arrays of <paramref name="dataType"/> with the choices zarr-python makes when
    /// they are left open: <c>typesize</c> the element size (1 for variable-length types), and
    /// without <paramref name="shuffle"/>, bit shuffle for one-byte elements and byte shuffle
    /// otherwise. Both are written to the metadata, as the spec requires of chosen values.
    /// </summary>
    public static BloscCodec ForDataType(ZarrDataType dataType, BloscCompressor compressor = BloscCompressor.Zstd, int level = 5, BloscShuffle? shuffle = null, long blockSize = 0)
    {
        int typeSize = Math.Max(dataType.ElementType.Size, 1);
        return new BloscCodec(compressor, level, shuffle ?? (typeSize == 1 ? BloscShuffle.BitShuffle : BloscShuffle.Shuffle), typeSize, blockSize);
    }

    public static BloscCodec Parse(ExtensionObject definition, string location)
    {
        var configuration = new Configuration(definition, location, ZarrRules.BloscConfiguration);
        configuration.RejectUnknown("typesize", "cname", "clevel", "shuffle", "blocksize");
        string cname = configuration.GetString("cname", required: true)!;
        BloscCompressor compressor = ParseCompressor(cname)
            ?? throw configuration.Fail("cname", $"cname must be one of \"lz4\", \"lz4hc\", \"blosclz\", \"zstd\", \"snappy\", \"zlib\", not \"{cname}\"");
        long level = configuration.GetInteger("clevel", required: true)!.Value;
        if (level is < 0 or > 9)
        {
            throw configuration.Fail("clevel", $"clevel must be 0 to 9, not {level}");
        }
        string shuffleName = configuration.GetString("shuffle", required: true)!;
        BloscShuffle shuffle = shuffleName switch
        {
            "noshuffle" => BloscShuffle.NoShuffle,
            "shuffle" => BloscShuffle.Shuffle,
            "bitshuffle" => BloscShuffle.BitShuffle,
            _ => throw configuration.Fail("shuffle", $"shuffle must be \"noshuffle\", \"shuffle\" or \"bitshuffle\", not \"{shuffleName}\""),
        };
        // "Required unless shuffle is "noshuffle", in which case the value is ignored."
        long? typeSize = configuration.GetInteger("typesize", required: shuffle != BloscShuffle.NoShuffle);
        if (typeSize < 1)
        {
            throw configuration.Fail("typesize", $"typesize must be a positive integer, not {typeSize}");
        }
        long blockSize = configuration.GetInteger("blocksize", required: true)!.Value;
        if (blockSize < 0)
        {
            throw configuration.Fail("blocksize", $"blocksize must be 0 (automatic) or a positive number of bytes, not {blockSize}");
        }
        return new BloscCodec(compressor, (int)level, shuffle, typeSize, blockSize);
    }

    public ExtensionObject ToDefinition()
    {
        var configuration = new JsonObject();
        if (TypeSize is long typeSize)
        {
            configuration["typesize"] = typeSize;
        }
        configuration["cname"] = CompressorName(Compressor);
        configuration["clevel"] = Level;
        configuration["shuffle"] = Shuffle switch
        {
            BloscShuffle.Shuffle => "shuffle",
            BloscShuffle.BitShuffle => "bitshuffle",
            _ => "noshuffle",
        };
        configuration["blocksize"] = BlockSize;
        return new ExtensionObject(CodecName, configuration);
    }

    public long? ComputeEncodedSize(long? decodedSize) => null;

    /// <summary>
    /// Writes one frame. Snappy is refused with a <see cref="NotSupportedException"/>: its
    /// frames are valid, but this implementation has no snappy compressor.
    /// </summary>
    public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output)
    {
        if (Compressor == BloscCompressor.Snappy)
        {
            throw new NotSupportedException("blosc with cname \"snappy\" cannot be written: snappy is not supported");
        }
        BloscEncoder.Encode(decoded.Span, output, Compressor, Level, Shuffle, TypeSize ?? 1, BlockSize);
    }

    public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location) =>
        BloscDecoder.Decode(encoded, output, location);

    private static BloscCompressor? ParseCompressor(string cname) => cname switch
    {
        "blosclz" => BloscCompressor.BloscLz,
        "lz4" => BloscCompressor.Lz4,
        "lz4hc" => BloscCompressor.Lz4hc,
        "snappy" => BloscCompressor.Snappy,
        "zlib" => BloscCompressor.Zlib,
        "zstd" => BloscCompressor.Zstd,
        _ => null,
    };

    private static string CompressorName(BloscCompressor compressor) => compressor switch
    {
        BloscCompressor.BloscLz => "blosclz",
        BloscCompressor.Lz4 => "lz4",
        BloscCompressor.Lz4hc => "lz4hc",
        BloscCompressor.Snappy => "snappy",
        BloscCompressor.Zlib => "zlib",
        _ => "zstd",
    };
}
