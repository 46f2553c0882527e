using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The <c>bytes</c> codec (codecs/bytes): fixed-size elements in C order, each in the configured
/// byte order; <c>endian</c> is required exactly when an element has multi-byte components.
/// </summary>
public sealed class BytesCodec : IArrayToBytesCodec
{
    public BytesCodec(Endian? endian)
    {
        Endian = endian;
    }

    public const string CodecName = "bytes";

    public static BytesCodec Little { get; } = new(Codecs.Endian.Little);

    public static BytesCodec Big { get; } = new(Codecs.Endian.Big);

    public Endian? Endian { get; }

    public static BytesCodec Parse(ExtensionObject definition, string location)
    {
        var configuration = new Configuration(definition, location, ZarrRules.BytesEndian);
        configuration.RejectUnknown("endian");
        return configuration.GetString("endian", required: false) switch
        {
            null => new BytesCodec(null),
            "little" => Little,
            "big" => Big,
            string other => throw configuration.Fail("endian", $"endian must be \"little\" or \"big\", not \"{other}\""),
        };
    }

    public ExtensionObject ToDefinition() => new(CodecName, Endian is null
        ? null
        : new JsonObject { ["endian"] = Endian == Codecs.Endian.Little ? "little" : "big" });

    public void CheckRepresentation(ArrayRepresentation decoded, string location)
    {
        ElementType type = decoded.DataType.ElementType;
        if (type.IsVariableLength)
        {
            throw new ConformanceException(ZarrRules.CodecRepresentation, location, $"the bytes codec cannot encode the variable-length data type {decoded.DataType}");
        }
        if (type.ComponentSize > 1 && Endian is null)
        {
            throw new ConformanceException(ZarrRules.BytesEndian, location, $"the bytes codec needs endian for {decoded.DataType}");
        }
    }

    public long? ComputeEncodedSize(ArrayRepresentation decoded) => decoded.ByteCount;

    public void Encode(NdArray decoded, ArrayRepresentation representation, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> source = decoded.Bytes;
        Span<byte> target = output.GetSpan(source.Length)[..source.Length];
        if (NeedsSwap(decoded.ElementType))
        {
            Swap(source, target, decoded.ElementType.ComponentSize);
        }
        else
        {
            source.CopyTo(target);
        }
        output.Advance(source.Length);
    }

    public NdArray Decode(ReadOnlyMemory<byte> encoded, ArrayRepresentation decoded, string location)
    {
        int[] shape = CheckEncoded(encoded.Span, decoded, location);
        ElementType type = decoded.DataType.ElementType;
        NdArray array = NdArray.Rent(type, shape);
        if (NeedsSwap(type))
        {
            Swap(encoded.Span, array.Bytes, type.ComponentSize);
        }
        else
        {
            encoded.Span.CopyTo(array.Bytes);
        }
        return array;
    }

    /// <summary>
    /// Checks that <paramref name="encoded"/> is a valid encoding of <paramref name="decoded"/>
    /// (size, and bool bytes 0 or 1) and returns the chunk's in-memory shape.
    /// </summary>
    public static int[] CheckEncoded(ReadOnlySpan<byte> encoded, ArrayRepresentation decoded, string location)
    {
        int[] shape = decoded.MemoryShape(location);
        long expected = decoded.ByteCount!.Value;
        if (encoded.Length != expected)
        {
            throw new ConformanceException(ZarrRules.BytesLength, location, $"chunk holds {encoded.Length} bytes, {expected} expected for shape [{string.Join(", ", decoded.Shape)}] {decoded.DataType}");
        }
        if (decoded.DataType.ElementType.Kind == ElementKind.Bool && encoded.IndexOfAnyExcept((byte)0, (byte)1) is int bad and >= 0)
        {
            throw new ConformanceException(ZarrRules.BytesBool, location, $"bool element {bad} is encoded as {encoded[bad]}, not 0 or 1");
        }
        return shape;
    }

    /// <summary>True when the encoded bytes are the in-memory bytes, so decoding is a plain copy.</summary>
    public bool IsIdentity(ElementType type) => !NeedsSwap(type);

    // Memory is little-endian, so only big-endian multi-byte components need reversing.
    private bool NeedsSwap(ElementType type) =>
        Endian == Codecs.Endian.Big == BitConverter.IsLittleEndian && type.ComponentSize > 1;

    private static void Swap(ReadOnlySpan<byte> source, Span<byte> target, int componentSize)
    {
        switch (componentSize)
        {
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(source), MemoryMarshal.Cast<byte, ushort>(target));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(source), MemoryMarshal.Cast<byte, uint>(target));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(source), MemoryMarshal.Cast<byte, ulong>(target));
                break;
            default:
                throw new InvalidOperationException($"no byte swap for {componentSize}-byte components");
        }
    }
}
