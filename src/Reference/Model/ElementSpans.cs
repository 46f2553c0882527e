using System.Runtime.InteropServices;

namespace Conformance.Reference.Model;

/// <summary>Loops over spans of fixed-size elements, widened to machine words where the size allows.</summary>
internal static class ElementSpans
{
    public static void Fill(Span<byte> data, ReadOnlySpan<byte> element)
    {
        switch (element.Length)
        {
            case 1:
                data.Fill(element[0]);
                return;
            case 2:
                MemoryMarshal.Cast<byte, ushort>(data).Fill(MemoryMarshal.Read<ushort>(element));
                return;
            case 4:
                MemoryMarshal.Cast<byte, uint>(data).Fill(MemoryMarshal.Read<uint>(element));
                return;
            case 8:
                MemoryMarshal.Cast<byte, ulong>(data).Fill(MemoryMarshal.Read<ulong>(element));
                return;
        }
        if (data.IsEmpty)
        {
            return;
        }
        element.CopyTo(data);
        // Doubling copies: each round copies everything written so far.
        int written = element.Length;
        while (written < data.Length)
        {
            int n = Math.Min(written, data.Length - written);
            data[..n].CopyTo(data[written..]);
            written += n;
        }
    }

    public static bool IsFilledWith(ReadOnlySpan<byte> data, ReadOnlySpan<byte> element)
    {
        switch (element.Length)
        {
            case 1:
                return !data.ContainsAnyExcept(element[0]);
            case 2:
                return !MemoryMarshal.Cast<byte, ushort>(data).ContainsAnyExcept(MemoryMarshal.Read<ushort>(element));
            case 4:
                return !MemoryMarshal.Cast<byte, uint>(data).ContainsAnyExcept(MemoryMarshal.Read<uint>(element));
            case 8:
                return !MemoryMarshal.Cast<byte, ulong>(data).ContainsAnyExcept(MemoryMarshal.Read<ulong>(element));
        }
        for (int i = 0; i < data.Length; i += element.Length)
        {
            if (!data.Slice(i, element.Length).SequenceEqual(element))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>C-order strides, in elements.</summary>
    public static void Strides(ReadOnlySpan<int> shape, Span<int> strides)
    {
        int stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
    }
}
