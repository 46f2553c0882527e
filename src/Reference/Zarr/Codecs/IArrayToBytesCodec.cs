using System.Buffers;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>An <c>array -> bytes</c> codec; every chain has exactly one.</summary>
public interface IArrayToBytesCodec : ICodec
{
    /// <summary>Throws <see cref="ZarrRules.CodecRepresentation"/> when the codec cannot take <paramref name="decoded"/>.</summary>
    void CheckRepresentation(ArrayRepresentation decoded, string location);

    /// <summary>Size of the encoded bytes, or null when it depends on the values.</summary>
    long? ComputeEncodedSize(ArrayRepresentation decoded);

    void Encode(NdArray decoded, ArrayRepresentation representation, IBufferWriter<byte> output);

    /// <summary>Decodes into a new array (pooled: the caller disposes it); bad input throws a <see cref="ConformanceException"/> at <paramref name="location"/>.</summary>
    NdArray Decode(ReadOnlyMemory<byte> encoded, ArrayRepresentation decoded, string location);
}
