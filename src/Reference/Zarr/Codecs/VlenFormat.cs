using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The layout shared by <c>vlen-utf8</c> and <c>vlen-bytes</c>: a little-endian u32 element
/// count, then per element a u32 byte length and the bytes, in C order.
/// </summary>
internal static class VlenFormat
{
    public static void Encode(NdArray decoded, IBufferWriter<byte> output)
    {
        byte[][] items = decoded.Items!;
        BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), (uint)items.Length);
        output.Advance(4);
        foreach (byte[] item in items)
        {
            Span<byte> target = output.GetSpan(4 + item.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)item.Length);
            item.CopyTo(target[4..]);
            output.Advance(4 + item.Length);
        }
    }

    public static NdArray Decode(ReadOnlySpan<byte> encoded, ArrayRepresentation decoded, bool utf8, string location)
    {
        int[] shape = decoded.MemoryShape(location);
        long expected = decoded.ElementCount;
        if (encoded.Length < 4)
        {
            throw Fail(location, $"{encoded.Length} bytes cannot hold the element count");
        }
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(encoded);
        if (count != expected)
        {
            throw Fail(location, $"chunk declares {count} elements, {expected} expected");
        }
        // Each element takes at least its 4-byte length, so a count the data cannot hold is
        // refused before anything is allocated for it.
        if ((encoded.Length - 4) / 4 < expected)
        {
            throw Fail(location, $"{encoded.Length} bytes cannot hold {expected} elements");
        }
        byte[][] items = new byte[expected][];
        int offset = 4;
        for (int i = 0; i < items.Length; i++)
        {
            if (encoded.Length - offset < 4)
            {
                throw Fail(location, $"element {i} has no length: data ends at byte {offset}");
            }
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(encoded[offset..]);
            offset += 4;
            if (length > encoded.Length - offset)
            {
                throw Fail(location, $"element {i} claims {length} bytes, {encoded.Length - offset} remain");
            }
            ReadOnlySpan<byte> value = encoded.Slice(offset, (int)length);
            if (utf8 && !Utf8.IsValid(value))
            {
                throw Fail(location, $"element {i} is not valid UTF-8");
            }
            items[i] = value.ToArray();
            offset += (int)length;
        }
        if (offset != encoded.Length)
        {
            throw Fail(location, $"{encoded.Length - offset} bytes follow the last element");
        }
        return NdArray.FromItems(decoded.DataType.ElementType, shape, items);
    }

    private static ConformanceException Fail(string location, string message) => new(ZarrRules.VlenData, location, message);
}
