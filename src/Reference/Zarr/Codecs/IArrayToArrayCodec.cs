using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>An <c>array -> array</c> codec.</summary>
public interface IArrayToArrayCodec : ICodec
{
    /// <summary>
    /// The encoded representation for <paramref name="decoded"/>; throws
    /// <see cref="ZarrRules.CodecRepresentation"/> when the codec cannot take it.
    /// </summary>
    ArrayRepresentation ComputeEncodedRepresentation(ArrayRepresentation decoded, string location);

    /// <summary>Encodes into a new array (pooled: the caller disposes it).</summary>
    NdArray Encode(NdArray decoded, ArrayRepresentation encoded);

    /// <summary>Decodes into a new array (pooled: the caller disposes it).</summary>
    NdArray Decode(NdArray encoded, ArrayRepresentation decoded, string location);
}
