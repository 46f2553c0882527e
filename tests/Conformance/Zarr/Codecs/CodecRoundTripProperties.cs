using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>
/// For every codec and data type, <c>decode(encode(x)) == x</c> (core spec, "Encoding
/// procedure" and "Decoding procedure").
/// </summary>
public sealed class CodecRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Test]
    public void Every_chain_round_trips_every_data_type()
    {
        Gen<(ZarrDataType, int[], ICodec[], NdArray)> cases =
            from type in Generators.DataType
            from shape in Generators.Shape(6, positive: true)
            from chain in Generators.Chain(type, shape.Length)
            from array in Generators.Array(type, shape)
            select (type, shape, chain, array);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (ZarrDataType type, int[] shape, ICodec[] chain, NdArray array) = c;
            CodecPipeline pipeline = CodecPipeline.Build(chain, new ArrayRepresentation(type, [.. shape.Select(n => (long)n)]), "k", 1 << 24);
            using PooledBufferWriter encoded = pipeline.Encode(array);
            using NdArray decoded = pipeline.Decode(encoded.WrittenMemory.ToArray(), "k");
            return NdArrays.Equal(array, decoded);
        }).Check(Config);
    }

    [Test]
    public void Bytes_to_bytes_codecs_round_trip_any_bytes()
    {
        Gen<(IBytesToBytesCodec, byte[])> cases =
            from codecs in Generators.BytesCodecs.Where(c => c.Length > 0)
            from data in ArbMap.Default.ArbFor<byte[]>().Generator
            select (codecs[0], data);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (IBytesToBytesCodec codec, byte[] data) = c;
            using var encoded = new PooledBufferWriter();
            codec.Encode(data, encoded);
            using var decoded = new PooledBufferWriter(16, data.Length);
            codec.Decode(encoded.WrittenMemory.ToArray(), decoded, "k");
            return decoded.WrittenSpan.SequenceEqual(data);
        }).Check(Config);
    }

    [Test]
    public void Big_endian_bytes_codec_writes_the_most_significant_byte_first()
    {
        NdArray array = NdArray.FromBytes(ElementType.Int32, [2], [0x04, 0x03, 0x02, 0x01, 0xFF, 0xFF, 0xFF, 0x7F]);
        using var output = new PooledBufferWriter();
        BytesCodec.Big.Encode(array, new ArrayRepresentation(IntegerDataType.Int32, [2]), output);
        Assert.That(output.WrittenSpan.ToArray(), Is.EqualTo(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x7F, 0xFF, 0xFF, 0xFF }));
    }

    [Test]
    public void Big_endian_complex_swaps_each_part_on_its_own()
    {
        byte[] le = [1, 2, 3, 4, 5, 6, 7, 8];
        NdArray array = NdArray.FromBytes(ElementType.Complex64, [1], le);
        using var output = new PooledBufferWriter();
        BytesCodec.Big.Encode(array, new ArrayRepresentation(ComplexDataType.Complex64, [1]), output);
        Assert.That(output.WrittenSpan.ToArray(), Is.EqualTo(new byte[] { 4, 3, 2, 1, 8, 7, 6, 5 }));
    }

    [Test]
    public void Transpose_follows_the_spec_definition()
    {
        // A has shape (2, 3); order [1, 0] gives B of shape (3, 2) with B[j, i] = A[i, j].
        NdArray a = NdArray.FromBytes(ElementType.UInt8, [2, 3], [0, 1, 2, 10, 11, 12]);
        var codec = new TransposeCodec([1, 0]);
        ArrayRepresentation encoded = codec.ComputeEncodedRepresentation(new ArrayRepresentation(IntegerDataType.UInt8, [2, 3]), "k");
        Assert.That(encoded.Shape, Is.EqualTo(new long[] { 3, 2 }));
        using NdArray b = codec.Encode(a, encoded);
        Assert.That(b.Bytes.ToArray(), Is.EqualTo(new byte[] { 0, 10, 1, 11, 2, 12 }));
    }

    [Test]
    public void Transpose_of_three_dimensions_maps_positions_through_order()
    {
        // B_shape[i] = A_shape[order[i]] and B[B_pos] = A[A_pos] with B_pos[i] = A_pos[order[i]].
        int[] order = [2, 0, 1];
        int[] aShape = [2, 3, 4];
        NdArray a = NdArray.Create(ElementType.UInt8, aShape);
        for (int i = 0; i < a.Count; i++)
        {
            a.Bytes[i] = (byte)i;
        }
        var codec = new TransposeCodec(order);
        ArrayRepresentation rep = codec.ComputeEncodedRepresentation(new ArrayRepresentation(IntegerDataType.UInt8, [2, 3, 4]), "k");
        using NdArray b = codec.Encode(a, rep);
        int[] bShape = [.. order.Select(o => aShape[o])];
        Assert.That(b.Shape, Is.EqualTo(bShape));
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 3; y++)
            {
                for (int z = 0; z < 4; z++)
                {
                    int[] aPos = [x, y, z];
                    int[] bPos = [.. order.Select(o => aPos[o])];
                    int bFlat = (((bPos[0] * bShape[1]) + bPos[1]) * bShape[2]) + bPos[2];
                    int aFlat = (((x * 3) + y) * 4) + z;
                    Assert.That(b.Bytes[bFlat], Is.EqualTo(a.Bytes[aFlat]));
                }
            }
        }
    }
}
