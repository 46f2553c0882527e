using System.Buffers;
using System.Buffers.Binary;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The <c>crc32c</c> codec (codecs/crc32c): the input followed by its CRC-32C as a
/// little-endian 32-bit integer. It has no configuration.
/// </summary>
public sealed class Crc32cCodec : IBytesToBytesCodec
{
    public const string CodecName = "crc32c";

    public static Crc32cCodec Instance { get; } = new();

    public static Crc32cCodec Parse(ExtensionObject definition, string location)
    {
        new Configuration(definition, location, ZarrRules.Crc32cConfiguration).RejectUnknown();
        return Instance;
    }

    public ExtensionObject ToDefinition() => new(CodecName);

    public long? ComputeEncodedSize(long? decodedSize) => decodedSize < long.MaxValue - 4 ? decodedSize + 4 : null;

    public void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output)
    {
        Span<byte> target = output.GetSpan(decoded.Length + 4);
        decoded.Span.CopyTo(target);
        BinaryPrimitives.WriteUInt32LittleEndian(target[decoded.Length..], Crc32C.Compute(decoded.Span));
        output.Advance(decoded.Length + 4);
    }

    public void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location)
    {
        ReadOnlySpan<byte> data = encoded.Span;
        if (data.Length < 4)
        {
            throw new ConformanceException(ZarrRules.Crc32cChecksum, location, $"{data.Length} bytes cannot hold a crc32c checksum");
        }
        ReadOnlySpan<byte> payload = data[..^4];
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(data[^4..]);
        uint actual = Crc32C.Compute(payload);
        if (stored != actual)
        {
            throw new ConformanceException(ZarrRules.Crc32cChecksum, location, $"crc32c checksum is 0x{stored:x8}, the data's is 0x{actual:x8}");
        }
        if (payload.Length > output.MaxLength)
        {
            throw new ConformanceException(ZarrRules.ChunkSize, location, $"{payload.Length} bytes exceed the {output.MaxLength} the chunk can hold");
        }
        payload.CopyTo(output.GetSpan(payload.Length));
        output.Advance(payload.Length);
    }
}
