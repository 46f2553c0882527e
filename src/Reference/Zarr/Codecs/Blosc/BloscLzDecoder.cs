namespace Conformance.Reference.Zarr.Codecs.Blosc;

/// <summary>
/// Decodes BloscLZ streams (c-blosc, blosclz.c): FastLZ level 2 tokens. A control byte below
/// 32 starts a run of <c>ctrl + 1</c> literal bytes; any other is a match whose top three bits
/// give the length minus 2 (7 meaning "add the following bytes, while they are 255") and
/// whose low five bits the high byte of the distance minus 1, the next byte its low byte.
/// Distance bytes 31 and 255 escape to a far match: two more bytes, big-endian, plus 8192.
/// The first control byte carries a level marker in its top three bits, which is ignored.
/// </summary>
internal static class BloscLzDecoder
{
    private const int MaxNearDistance = 8191;

    /// <summary>
    /// Decodes <paramref name="input"/> into exactly <paramref name="output"/>; returns null, or
    /// why the stream is not one that decodes to that many bytes.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.IsEmpty)
        {
            return "the stream is empty";
        }
        int ip = 1;
        int op = 0;
        int ctrl = input[0] & 31;
        while (true)
        {
            if (ctrl < 32)
            {
                int run = ctrl + 1;
                if (run > output.Length - op)
                {
                    return $"a literal run of {run} bytes at output byte {op} overruns the block";
                }
                if (run > input.Length - ip)
                {
                    return $"a literal run of {run} bytes at stream byte {ip} runs past the end of the stream";
                }
                input.Slice(ip, run).CopyTo(output[op..]);
                ip += run;
                op += run;
                if (ip == input.Length)
                {
                    break;
                }
                ctrl = input[ip++];
                continue;
            }
            long length = (ctrl >> 5) - 1;
            int high = (ctrl & 31) << 8;
            int code;
            // c-blosc reads a match only while at least two bytes remain after each length
            // byte, so a stream can never end inside one.
            if (length == 6)
            {
                do
                {
                    if (input.Length - ip < 2)
                    {
                        return "the stream ends inside a match length";
                    }
                    code = input[ip++];
                    length += code;
                    if (length > output.Length)
                    {
                        return $"a match of more than {output.Length} bytes cannot fit the block";
                    }
                }
                while (code == 255);
            }
            else if (input.Length - ip < 2)
            {
                return "the stream ends inside a match";
            }
            code = input[ip++];
            length += 3;
            long distance = high + code + 1;
            if (code == 255 && high == 31 << 8)
            {
                if (input.Length - ip < 2)
                {
                    return "the stream ends inside a far match distance";
                }
                distance = ((input[ip] << 8) | input[ip + 1]) + MaxNearDistance + 1;
                ip += 2;
            }
            if (length > output.Length - op)
            {
                return $"a match of {length} bytes at output byte {op} overruns the block";
            }
            if (distance > op)
            {
                return $"a match at output byte {op} reaches {distance} bytes back, before the start of the block";
            }
            if (ip == input.Length)
            {
                // c-blosc stops here without copying the match, so the block comes out short.
                return "the stream ends with a match";
            }
            ctrl = input[ip++];
            CopyMatch(output, op, (int)distance, (int)length);
            op += (int)length;
        }
        return op == output.Length ? null : $"the stream decodes to {op} bytes, not {output.Length}";
    }

    /// <summary>Copies forward from <paramref name="distance"/> bytes back, so a short distance repeats a pattern.</summary>
    private static void CopyMatch(Span<byte> output, int op, int distance, int length)
    {
        int from = op - distance;
        if (distance == 1)
        {
            output.Slice(op, length).Fill(output[from]);
            return;
        }
        while (length > 0)
        {
            // Each pass copies at most the bytes already present, then the pattern has doubled.
            int step = Math.Min(length, op - from);
            output.Slice(from, step).CopyTo(output.Slice(op, step));
            op += step;
            length -= step;
        }
    }
}
