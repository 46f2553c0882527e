using System.Buffers.Binary;
using System.Text;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Encodes one chunk through a codec chain, straight from the spec text: transpose by permuting
/// indices, the bytes codec element by element, the vlen layout by hand, gzip members, zstd frames,
/// CRC-32C, Blosc frames and sharding. An unknown codec marked <c>must_understand: false</c> is skipped.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#chunk-encoding"/></remarks>
internal static class ChunkEncoder
{
    public static byte[] Encode(string dataType, int[] chunkShape, IReadOnlyList<object> elements, IReadOnlyList<object?> codecs, object? fill = null)
    {
        int[] shape = [.. chunkShape];
        byte[]? data = null;
        foreach (object? definition in codecs)
        {
            (string name, JsonMembers configuration, bool mustUnderstand) = Definitions.ExtParts(definition);
            switch (name)
            {
                case "transpose":
                    if (data is not null)
                    {
                        throw new InvalidOperationException("transpose after the array -> bytes codec");
                    }
                    (shape, elements) = Transpose(shape, elements, Definitions.IntArray(configuration["order"]));
                    break;
                case "sharding_indexed":
                    data = ShardEncoder.Encode(dataType, shape, elements, configuration, fill);
                    break;
                case "bytes":
                    bool bigEndian = configuration.Contains("endian") && (string?)configuration["endian"] == "big";
                    data = [.. elements.SelectMany(v => ElementValues.ElementBytes(dataType, v, bigEndian))];
                    break;
                case "vlen-utf8":
                    data = Vlen([.. elements.Select(v => Encoding.UTF8.GetBytes((string)v))]);
                    break;
                case "vlen-bytes":
                    data = Vlen([.. elements.Select(v => (byte[])v)]);
                    break;
                case "gzip":
                    data = GzipMember.Encode(data!, (int)ElementValues.Integer(configuration["level"]));
                    break;
                case "zstd":
                    data = ZstdFrame.Encode(data!, (int)ElementValues.Integer(configuration["level"]),
                        configuration.Contains("checksum") && (bool)configuration["checksum"]!);
                    break;
                case "crc32c":
                    data = WithCrc32C(data!);
                    break;
                case "blosc":
                    data = BloscFrame.Encode(data!, configuration, BloscDefinition.FrameOf(definition));
                    break;
                default:
                    if (mustUnderstand)
                    {
                        throw new ArgumentException("cannot encode with " + name, nameof(codecs));
                    }
                    // An unknown codec its writer marked as safe to ignore (core, extension-definition-must-understand).
                    break;
            }
        }
        return data ?? throw new ArgumentException("the codecs hold no array -> bytes codec", nameof(codecs));
    }

    /// <summary>The crc32c codec: the data, then its CRC-32C as u32le.</summary>
    public static byte[] WithCrc32C(byte[] data)
    {
        byte[] output = new byte[data.Length + 4];
        data.CopyTo(output, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(data.Length), Crc32C.Compute(data));
        return output;
    }

    /// <summary>vlen-utf8 / vlen-bytes: u32le element count, then per element u32le length and the bytes.</summary>
    public static byte[] Vlen(IReadOnlyList<byte[]> items)
    {
        using var output = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, items.Count);
        output.Write(length);
        foreach (byte[] item in items)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, item.Length);
            output.Write(length);
            output.Write(item);
        }
        return output.ToArray();
    }

    /// <summary>The transpose codec's encode: B_shape[i] = A_shape[order[i]], B[B_pos] = A[A_pos], B_pos[i] = A_pos[order[i]].</summary>
    /// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/transpose/#format-and-algorithm"/></remarks>
    public static (int[] Shape, IReadOnlyList<object> Elements) Transpose(int[] shape, IReadOnlyList<object> elements, int[] order)
    {
        if (!order.Order().SequenceEqual(Enumerable.Range(0, shape.Length)))
        {
            throw new ArgumentException("order is not a permutation of the dimensions", nameof(order));
        }
        int[] transposed = [.. order.Select(o => shape[o])];
        int[] strides = CStrides(shape);
        var output = new List<object>();
        foreach (int[] position in Positions(transposed))
        {
            int[] original = new int[shape.Length];
            for (int i = 0; i < order.Length; i++)
            {
                original[order[i]] = position[i];
            }
            output.Add(elements[Flat(original, strides)]);
        }
        return (transposed, output);
    }

    public static int[] CStrides(int[] shape)
    {
        int[] strides = new int[shape.Length];
        int step = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = step;
            step *= shape[i];
        }
        return strides;
    }

    public static int Flat(int[] position, int[] strides)
    {
        int flat = 0;
        for (int i = 0; i < position.Length; i++)
        {
            flat += position[i] * strides[i];
        }
        return flat;
    }

    /// <summary>Every position in a shape, last dimension fastest; one empty position for a 0-d shape.</summary>
    public static IEnumerable<int[]> Positions(int[] shape)
    {
        if (shape.Any(n => n == 0))
        {
            yield break;
        }
        int[] position = new int[shape.Length];
        while (true)
        {
            yield return (int[])position.Clone();
            int d = shape.Length - 1;
            while (d >= 0 && ++position[d] == shape[d])
            {
                position[d] = 0;
                d--;
            }
            if (d < 0)
            {
                yield break;
            }
        }
    }
}
