using System.Buffers;
using System.Buffers.Binary;

namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// A greedy LZ77 encoder for the BloscLZ stream format that <see cref="BloscLzDecoder"/>
/// reads: a hash of the next four bytes finds the last position that started with them, and a
/// match of at least four bytes is taken. The stream always starts and ends with literals,
/// since c-blosc's decoder drops a match that ends the stream.
/// </summary>
internal static class BloscLzEncoder
{
    private const int MaxLiteralRun = 32;
    private const int MaxNearDistance = 8191;
    private const int MaxFarDistance = MaxNearDistance + 1 + ushort.MaxValue;

    /// <summary>Matches start this far before the end at the latest, so the tail is literal.</summary>
    private const int TailLiterals = 12;

    /// <summary>
    /// Encodes <paramref name="input"/> into <paramref name="output"/> and returns the
    /// stream's length, or 0 when it does not fit.
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> input, Span<byte> output, int hashLog)
    {
        int[] table = ArrayPool<int>.Shared.Rent(1 << hashLog);
        try
        {
            Span<int> positions = table.AsSpan(0, 1 << hashLog);
            positions.Fill(-1);
            int op = 0;
            int anchor = 0;
            int ip = 0;
            int searchEnd = input.Length - TailLiterals;
            while (ip < searchEnd)
            {
                uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(input[ip..]);
                int slot = Hash(sequence, hashLog);
                int candidate = positions[slot];
                positions[slot] = ip;
                int distance = ip - candidate;
                if (candidate < 0 || distance > MaxFarDistance || BinaryPrimitives.ReadUInt32LittleEndian(input[candidate..]) != sequence)
                {
                    ip++;
                    continue;
                }
                int length = 4;
                int lengthEnd = input.Length - 4 - ip;
                while (length < lengthEnd && input[candidate + length] == input[ip + length])
                {
                    length++;
                }
                // A far match costs four bytes at the least: shorter ones are not worth it.
                if (distance > MaxNearDistance && length < 6)
                {
                    ip++;
                    continue;
                }
                if (!Literals(input[anchor..ip], output, ref op) || !Match(length, distance, output, ref op))
                {
                    return 0;
                }
                ip += length;
                anchor = ip;
                if (ip < searchEnd)
                {
                    positions[Hash(BinaryPrimitives.ReadUInt32LittleEndian(input[(ip - 2)..]), hashLog)] = ip - 2;
                }
            }
            if (!Literals(input[anchor..], output, ref op))
            {
                return 0;
            }
            // The level marker of FastLZ level 2, which BloscLZ keeps.
            output[0] |= 1 << 5;
            return op;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
    }

    private static int Hash(uint sequence, int hashLog) => (int)((sequence * 2654435761u) >> (32 - hashLog));

    private static bool Literals(ReadOnlySpan<byte> literals, Span<byte> output, ref int op)
    {
        while (!literals.IsEmpty)
        {
            int run = Math.Min(literals.Length, MaxLiteralRun);
            if (output.Length - op < run + 1)
            {
                return false;
            }
            output[op++] = (byte)(run - 1);
            literals[..run].CopyTo(output[op..]);
            op += run;
            literals = literals[run..];
        }
        return true;
    }

    private static bool Match(int length, int distance, Span<byte> output, ref int op)
    {
        // Lengths are stored minus 2 and distances minus 1; distance 8192 and beyond is far.
        int stored = length - 2;
        bool far = distance > MaxNearDistance;
        int biased = far ? distance - MaxNearDistance - 1 : distance - 1;
        int high = far ? 31 : biased >> 8;
        int extra = stored < 7 ? 0 : ((stored - 7) / 255) + 1;
        if (output.Length - op < 2 + extra + (far ? 2 : 0))
        {
            return false;
        }
        if (stored < 7)
        {
            output[op++] = (byte)((stored << 5) | high);
        }
        else
        {
            output[op++] = (byte)((7 << 5) | high);
            int rest = stored - 7;
            for (; rest >= 255; rest -= 255)
            {
                output[op++] = 255;
            }
            output[op++] = (byte)rest;
        }
        if (far)
        {
            output[op++] = 255;
            output[op++] = (byte)(biased >> 8);
            output[op++] = (byte)biased;
        }
        else
        {
            output[op++] = (byte)biased;
        }
        return true;
    }
}
