using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Conformance.Reference.Gifti;

/// <summary>
/// Turns the content of a Data element (or an external file) into the little-endian element
/// bytes of <see cref="GiftiDataArray.Data"/>. The caller has already checked the expected size
/// against the limits, so every buffer here is at most that size.
/// </summary>
/// <remarks>GIFTI 1.0 section 4.0 (Data Encoding) and 5.0 (Data Compression).</remarks>
internal static class GiftiDataDecoder
{
    /// <summary>Decodes an ASCII Data element's text.</summary>
    public static byte[] DecodeAscii(GiftiDataArray array, ReadOnlySpan<char> text, long bytes, string location) =>
        // ASCII numbers carry no byte order, so Endian does not apply.
        ParseAscii(array, text, (int)bytes, location);

    /// <summary>Decodes a Base64Binary or GZipBase64Binary Data element's text.</summary>
    public static byte[] DecodeBinary(GiftiDataArray array, ReadOnlySpan<char> text, long bytes, string location)
    {
        byte[] base64 = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            // White space (an XML writer's line breaks) is skipped, as Convert.FromBase64String does.
            if (Ascii.FromUtf16(text, base64, out _) != OperationStatus.Done
                || Base64.DecodeFromUtf8InPlace(base64.AsSpan(0, text.Length), out int written) != OperationStatus.Done)
            {
                throw new ConformanceException(GiftiRules.Base64Data, location, "the Data content is not valid base64");
            }
            return FromPayload(array, base64, written, bytes, location);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(base64);
        }
    }

    private static byte[] FromPayload(GiftiDataArray array, byte[] base64, int written, long bytes, string location)
    {
        byte[] data;
        if (array.Encoding == GiftiEncoding.Base64Binary)
        {
            data = base64.AsSpan(0, written).ToArray();
        }
        else
        {
            // Section 5.0: the payload is what zlib's compress() makes (RFC 1950). A gzip member
            // (RFC 1952, magic 1F 8B) is accepted too and remembered, since some writers use it.
            array.GzipWrapped = written >= 2 && base64[0] == 0x1F && base64[1] == 0x8B;
            data = Inflate(base64, written, array.GzipWrapped, bytes, location);
        }
        if (data.Length != bytes)
        {
            throw new ConformanceException(GiftiRules.ElementCount, location, $"the payload decodes to {data.Length} bytes; Dims × element size is {bytes}");
        }
        SwapIfBig(array, data);
        return data;
    }

    public static byte[] ReadExternal(GiftiDataArray array, string? directory, long bytes, string location)
    {
        if (directory is null)
        {
            throw new ConformanceException(GiftiRules.ExternalData, location, "external data cannot be found for a document read from a stream", Outcome.Unsupported);
        }
        string path = Path.GetFullPath(Path.Combine(directory, array.ExternalFileName!));
        if (!File.Exists(path))
        {
            throw new ConformanceException(GiftiRules.ExternalData, location, $"the external file {array.ExternalFileName} does not exist");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (array.ExternalFileOffset > stream.Length || bytes > stream.Length - array.ExternalFileOffset)
        {
            throw new ConformanceException(GiftiRules.ExternalData, location, $"{bytes} bytes at offset {array.ExternalFileOffset} run past the end of {array.ExternalFileName} ({stream.Length} bytes)");
        }
        byte[] data = new byte[bytes];
        stream.Position = array.ExternalFileOffset;
        stream.ReadExactly(data);
        SwapIfBig(array, data);
        return data;
    }

    private static byte[] Inflate(byte[] payload, int length, bool gzip, long bytes, string location)
    {
        // The output stops one byte past the expected size, and is allocated whole up front only
        // when a payload of this length could plausibly inflate to it; otherwise it grows as it
        // inflates. So neither a hostile Dim product nor a compression bomb makes the reader
        // hold more than the data actually decodes to, capped at the limit.
        long plausible = ((long)length * 4) + 64;
        try
        {
            using var input = new MemoryStream(payload, 0, length, writable: false);
            using Stream inflater = gzip ? new GZipStream(input, CompressionMode.Decompress) : new ZLibStream(input, CompressionMode.Decompress);
            if (bytes <= plausible)
            {
                byte[] data = new byte[bytes];
                int filled = inflater.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
                if (filled < data.Length)
                {
                    return data[..filled];
                }
                if (inflater.Read(stackalloc byte[1]) > 0)
                {
                    throw new ConformanceException(GiftiRules.ElementCount, location, $"the payload inflates to more than Dims × element size ({bytes} bytes)");
                }
                return data;
            }
            using var output = new MemoryStream((int)plausible);
            byte[] chunk = new byte[81920];
            int n;
            while (output.Length <= bytes && (n = inflater.Read(chunk, 0, (int)Math.Min(chunk.Length, bytes + 1 - output.Length))) > 0)
            {
                output.Write(chunk, 0, n);
            }
            if (output.Length > bytes)
            {
                throw new ConformanceException(GiftiRules.ElementCount, location, $"the payload inflates to more than Dims × element size ({bytes} bytes)");
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ConformanceException(GiftiRules.CompressedData, location, "the payload is not a valid zlib stream", Outcome.Invalid, e);
        }
    }

    private static byte[] ParseAscii(GiftiDataArray array, ReadOnlySpan<char> text, int bytes, string location)
    {
        int size = GiftiNames.SizeOf(array.DataType);
        long expected = bytes / size;
        // Every value takes at least one character and one separator, so a text too short for
        // the Dims fails here, before the array is allocated.
        if (expected > (text.Length + 1L) / 2)
        {
            throw new ConformanceException(GiftiRules.ElementCount, location, $"the ASCII data is too short to hold the {expected} values Dims give");
        }
        byte[] data = new byte[bytes];
        Span<byte> span = data;
        long count = 0;
        ReadOnlySpan<char> rest = text;
        while (true)
        {
            rest = rest.TrimStart(" \t\r\n");
            if (rest.IsEmpty)
            {
                break;
            }
            int end = rest.IndexOfAny(" \t\r\n");
            ReadOnlySpan<char> token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            if (count == expected)
            {
                throw new ConformanceException(GiftiRules.ElementCount, location, $"the ASCII data holds more than the {expected} values Dims give");
            }
            if (!TryWrite(array.DataType, token, span.Slice((int)(count * size), size)))
            {
                throw new ConformanceException(GiftiRules.AsciiData, location, $"value {count} \"{token}\" is not a {GiftiNames.Of(array.DataType)} number");
            }
            count++;
        }
        if (count != expected)
        {
            throw new ConformanceException(GiftiRules.ElementCount, location, $"the ASCII data holds {count} values; Dims give {expected}");
        }
        return data;
    }

    private static bool TryWrite(GiftiDataType type, ReadOnlySpan<char> token, Span<byte> target)
    {
        switch (type)
        {
            case GiftiDataType.Float32:
                bool single = GiftiText.TryParseSingle(token, out float f);
                BinaryPrimitives.WriteSingleLittleEndian(target, f);
                return single;
            case GiftiDataType.Float64:
                bool wide = GiftiText.TryParseDouble(token, out double d);
                BinaryPrimitives.WriteDoubleLittleEndian(target, d);
                return wide;
            case GiftiDataType.UInt64:
                bool unsigned = ulong.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ulong u);
                BinaryPrimitives.WriteUInt64LittleEndian(target, u);
                return unsigned;
        }
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            return false;
        }
        switch (type)
        {
            case GiftiDataType.UInt8 when v is >= byte.MinValue and <= byte.MaxValue:
                target[0] = (byte)v;
                return true;
            case GiftiDataType.Int8 when v is >= sbyte.MinValue and <= sbyte.MaxValue:
                target[0] = (byte)(sbyte)v;
                return true;
            case GiftiDataType.Int16 when v is >= short.MinValue and <= short.MaxValue:
                BinaryPrimitives.WriteInt16LittleEndian(target, (short)v);
                return true;
            case GiftiDataType.UInt16 when v is >= ushort.MinValue and <= ushort.MaxValue:
                BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)v);
                return true;
            case GiftiDataType.Int32 when v is >= int.MinValue and <= int.MaxValue:
                BinaryPrimitives.WriteInt32LittleEndian(target, (int)v);
                return true;
            case GiftiDataType.UInt32 when v is >= uint.MinValue and <= uint.MaxValue:
                BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)v);
                return true;
            case GiftiDataType.Int64:
                BinaryPrimitives.WriteInt64LittleEndian(target, v);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Swaps each element in place when the file's byte order is big-endian.</summary>
    internal static void SwapIfBig(GiftiDataArray array, Span<byte> data)
    {
        int size = GiftiNames.SizeOf(array.DataType);
        if (array.Endian == GiftiEndian.Little || size == 1)
        {
            return;
        }
        for (int i = 0; i < data.Length; i += size)
        {
            data.Slice(i, size).Reverse();
        }
    }
}
