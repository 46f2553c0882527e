using System.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The registered <c>vlen-utf8</c> and <c>vlen-bytes</c> codecs (zarr-extensions,
/// codecs/vlen-utf8 and codecs/vlen-bytes): <c>array -> bytes</c> codecs for the
/// <c>string</c> and <c>bytes</c> data types respectively, sharing one layout.
/// </summary>
public sealed class VlenCodec : IArrayToBytesCodec
{
    private readonly ElementKind _kind;

    private VlenCodec(string name, ElementKind kind)
    {
        Name = name;
        _kind = kind;
    }

    public static VlenCodec Utf8 { get; } = new("vlen-utf8", ElementKind.String);

    public static VlenCodec Bytes { get; } = new("vlen-bytes", ElementKind.Bytes);

    public string Name { get; }

    public VlenCodec WithoutConfiguration(ExtensionObject definition, string location)
    {
        new Configuration(definition, location, ZarrRules.CodecConfiguration).RejectUnknown();
        return this;
    }

    public ExtensionObject ToDefinition() => new(Name);

    public void CheckRepresentation(ArrayRepresentation decoded, string location)
    {
        if (decoded.DataType.ElementType.Kind != _kind)
        {
            throw new ConformanceException(ZarrRules.CodecRepresentation, location, $"{Name} cannot encode the {decoded.DataType} data type");
        }
    }

    public long? ComputeEncodedSize(ArrayRepresentation decoded) => null;

    public void Encode(NdArray decoded, ArrayRepresentation representation, IBufferWriter<byte> output) => VlenFormat.Encode(decoded, output);

    public NdArray Decode(ReadOnlyMemory<byte> encoded, ArrayRepresentation decoded, string location) =>
        VlenFormat.Decode(encoded.Span, decoded, utf8: _kind == ElementKind.String, location);
}
