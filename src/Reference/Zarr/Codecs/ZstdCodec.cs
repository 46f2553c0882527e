using System.Buffers;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr.Metadata;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The registered <c>zstd</c> codec (zarr-extensions, codecs/zstd): RFC 8878 frames;
/// <c>level</c> -131072…22 with 0 the library default, optional <c>checksum</c>.
/// </summary>
public sealed class ZstdCodec : IBytesToBytesCodec
{
    public ZstdCodec(int level, bool checksum = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, -131072);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 22);
        Level = level;
        Checksum = checksum;
    }

    public const string CodecName = "zstd";

    public int Level { get; }

    public bool Checksum { get; }

    public static ZstdCodec Parse(ExtensionObject definition, string location)
    {
        var configuration = new Configuration(definition, location, ZarrRules.ZstdConfiguration);
        configuration.RejectUnknown("level", "checksum");
        long level = configuration.GetInteger("level", required: true)!.Value;
        if (level is < -131072 or > 22)
        {
            throw configuration.Fail("level", $"zstd level must be -131072 to 22, not {level}");
        }
        bool checksum = configuration.GetBoolean("checksum", required: false) ?? false;
        return new ZstdCodec((int)level, checksum);
    }

    public ExtensionObject ToDefinition() => new(CodecName, new JsonObject { ["level"] = Level, ["checksum"] = Checksum });

    public long? ComputeEncodedSize(long? decodedSize) => null;

    public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output)
    {
        using var compressor = new Compressor(Level);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, Checksum ? 1 : 0);
        int bound = Compressor.GetCompressBound(decoded.Length);
        Span<byte> target = output.GetSpan(bound);
        int written = compressor.Wrap(decoded.Span, target);
        output.Advance(written);
    }

    public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location)
    {
        try
        {
            using var decompressor = new Decompressor();
            ulong declared = Decompressor.GetDecompressedSize(encoded.Span);
            // A frame that declares its size (zarr-python's always do) decodes in one call into
            // a buffer of that size; the streaming path covers frames without one.
            if (declared > 0 && declared <= (ulong)output.MaxLength)
            {
                Span<byte> target = output.GetSpan((int)declared);
                if (decompressor.TryUnwrap(encoded.Span, target, out int written))
                {
                    output.Advance(written);
                    return;
                }
            }
            else if (declared > (ulong)output.MaxLength && declared != ulong.MaxValue && declared != ulong.MaxValue - 1)
            {
                throw new OutputLimitExceededException(output.MaxLength);
            }
            output.Clear();
            using var stream = new DecompressionStream(ReadOnlyMemoryStream.Create(encoded));
            StreamCopy.ToWriter(stream, output);
        }
        catch (ZstdException e)
        {
            throw new ConformanceException(ZarrRules.ZstdData, location, "chunk is not valid zstd data: " + e.Message, inner: e);
        }
        catch (OutputLimitExceededException e)
        {
            throw new ConformanceException(ZarrRules.ChunkSize, location, $"zstd data decompresses to more than the {e.Limit} bytes the chunk can hold", inner: e);
        }
    }
}
