using System.Buffers;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>The <c>gzip</c> codec (codecs/gzip): RFC 1952 members at <c>level</c> 0–9.</summary>
public sealed class GzipCodec : IBytesToBytesCodec
{
    public GzipCodec(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        Level = level;
    }

    public const string CodecName = "gzip";

    public int Level { get; }

    public static GzipCodec Parse(ExtensionObject definition, string location)
    {
        var configuration = new Configuration(definition, location, ZarrRules.GzipLevel);
        configuration.RejectUnknown("level");
        long level = configuration.GetInteger("level", required: true)!.Value;
        if (level is < 0 or > 9)
        {
            throw configuration.Fail("level", $"gzip level must be 0 to 9, not {level}");
        }
        return new GzipCodec((int)level);
    }

    public ExtensionObject ToDefinition() => new(CodecName, new JsonObject { ["level"] = Level });

    public long? ComputeEncodedSize(long? decodedSize) => null;

    public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output)
    {
        using var sink = new BufferWriterStream(output);
        using (var gzip = new GZipStream(sink, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
        {
            gzip.Write(decoded.Span);
        }
    }

    public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location)
    {
        try
        {
            using var gzip = new GZipStream(ReadOnlyMemoryStream.Create(encoded), CompressionMode.Decompress);
            StreamCopy.ToWriter(gzip, output);
        }
        catch (InvalidDataException e)
        {
            throw new ConformanceException(ZarrRules.GzipData, location, "chunk is not valid gzip data: " + e.Message, inner: e);
        }
        catch (OutputLimitExceededException e)
        {
            throw new ConformanceException(ZarrRules.ChunkSize, location, $"gzip data decompresses to more than the {e.Limit} bytes the chunk can hold", inner: e);
        }
    }
}
