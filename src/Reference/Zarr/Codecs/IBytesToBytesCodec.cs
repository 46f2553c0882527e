using System.Buffers;
using Conformance.Reference.Buffers;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>A <c>bytes -> bytes</c> codec.</summary>
public interface IBytesToBytesCodec : ICodec
{
    /// <summary>Encoded size for a decoded size, or null when it depends on the bytes.</summary>
    long? ComputeEncodedSize(long? decodedSize);

    void Encode(ReadOnlyMemory<byte> decoded, IBufferWriter<byte> output);

    /// <summary>
    /// Decodes into <paramref name="output"/>, whose <see cref="PooledBufferWriter.MaxLength"/>
    /// bounds what hostile input can make it allocate; bad input throws a
    /// <see cref="ConformanceException"/> at <paramref name="location"/>.
    /// </summary>
    void Decode(ReadOnlyMemory<byte> encoded, PooledBufferWriter output, string location);
}
