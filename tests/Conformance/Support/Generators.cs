using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Support;

/// <summary>FsCheck generators for data types, shapes, element values and codec chains.</summary>
public static class Generators
{
    public static ZarrDataType[] FixedTypes { get; } =
    [
        BoolDataType.Instance,
        IntegerDataType.Int8, IntegerDataType.Int16, IntegerDataType.Int32, IntegerDataType.Int64,
        IntegerDataType.UInt8, IntegerDataType.UInt16, IntegerDataType.UInt32, IntegerDataType.UInt64,
        FloatDataType.Float16, FloatDataType.Float32, FloatDataType.Float64,
        ComplexDataType.Complex64, ComplexDataType.Complex128,
        new RawDataType(8), new RawDataType(24), new RawDataType(48),
    ];

    public static ZarrDataType[] AllTypes { get; } = [.. FixedTypes, StringDataType.Instance, BytesDataType.Instance];

    public static Gen<ZarrDataType> DataType => Gen.Elements(AllTypes);

    /// <summary>Shapes of rank 0–3 with lengths 0–<paramref name="max"/> (or 1–max when <paramref name="positive"/>).</summary>
    public static Gen<int[]> Shape(int max, bool positive) =>
        Gen.Choose(0, 3).SelectMany(rank => Gen.Choose(positive ? 1 : 0, max).ArrayOf(rank));

    /// <summary>One element's value: bytes for fixed-size types (0/1 for bool), UTF-8 text or bytes otherwise.</summary>
    public static Gen<byte[]> Element(ZarrDataType type)
    {
        ElementType element = type.ElementType;
        return element.Kind switch
        {
            ElementKind.Bool => Gen.Elements<byte[]>([0], [1]),
            ElementKind.String => ArbMap.Default.GeneratorFor<string>()
                .Select(s => s ?? "")
                .Select(s => System.Text.Encoding.UTF8.GetBytes(RemoveLoneSurrogates(s))),
            ElementKind.Bytes => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(),
            _ => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(element.Size),
        };
    }

    public static Gen<NdArray> Array(ZarrDataType type, int[] shape)
    {
        int count = NdArray.CountOf(type.ElementType, shape);
        return Element(type).ArrayOf(count).Select(values => Build(type, shape, values));
    }

    public static NdArray Build(ZarrDataType type, int[] shape, byte[][] values)
    {
        if (type.ElementType.IsVariableLength)
        {
            return NdArray.FromItems(type.ElementType, shape, values);
        }
        NdArray array = NdArray.Create(type.ElementType, shape);
        for (int i = 0; i < values.Length; i++)
        {
            values[i].CopyTo(array.Bytes[(i * type.ElementType.Size)..]);
        }
        return array;
    }

    /// <summary>The serializer that fits a data type, in either byte order.</summary>
    public static Gen<IArrayToBytesCodec> Serializer(ZarrDataType type) => type.ElementType.Kind switch
    {
        ElementKind.String => Gen.Constant<IArrayToBytesCodec>(VlenCodec.Utf8),
        ElementKind.Bytes => Gen.Constant<IArrayToBytesCodec>(VlenCodec.Bytes),
        _ => Gen.Elements<IArrayToBytesCodec>(BytesCodec.Little, BytesCodec.Big),
    };

    public static Gen<IBytesToBytesCodec[]> BytesCodecs =>
        Gen.Elements<IBytesToBytesCodec>(new GzipCodec(0), new GzipCodec(1), new GzipCodec(9), new ZstdCodec(0), new ZstdCodec(-5), new ZstdCodec(3, checksum: true), Crc32cCodec.Instance,
            new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.Shuffle, 4), new BloscCodec(BloscCompressor.BloscLz, 9, BloscShuffle.BitShuffle, 2, 256))
            .ListOf().Select(l => l.Take(3).ToArray());

    public static Gen<int[]> Permutation(int rank) => Gen.Shuffle(Enumerable.Range(0, rank).ToArray());

    /// <summary>A codec chain for arrays of <paramref name="rank"/>: optional transposes, a serializer, bytes codecs.</summary>
    public static Gen<ICodec[]> Chain(ZarrDataType type, int rank) =>
        from transposes in Permutation(rank).Select(p => (ICodec)new TransposeCodec(p)).ListOf().Select(l => l.Take(2).ToArray())
        from serializer in Serializer(type)
        from bytes in BytesCodecs
        select transposes.Append(serializer).Concat(bytes).ToArray();

    private static string RemoveLoneSurrogates(string s)
    {
        var builder = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                builder.Append(s[i]).Append(s[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(s[i]))
            {
                builder.Append(s[i]);
            }
        }
        return builder.ToString();
    }
}
