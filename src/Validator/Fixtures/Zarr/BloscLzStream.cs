namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// A minimal BloscLZ stream (c-blosc, blosclz.c: FastLZ level 2 tokens), written from the
/// format rather than c-blosc's match finder: literal runs, a control byte below 32 followed
/// by ctrl + 1 bytes, and runs of one byte as matches at distance 1, whose control byte holds
/// the length minus 2 in its top three bits (7: more length bytes follow, while they are 255)
/// and whose next byte the low byte of the distance minus 1. c-blosc's decoder reads the next
/// control byte before it copies a match, so the stream always ends with literals.
/// </summary>
/// <remarks><see href="https://github.com/Blosc/c-blosc/blob/main/blosc/blosclz.c"/></remarks>
internal static class BloscLzStream
{
    private const int MaxLiterals = 32;

    private const int MinRun = 3;

    public static byte[] Encode(byte[] data)
    {
        var output = new List<byte>();
        var literals = new List<byte>();

        void Flush()
        {
            for (int start = 0; start < literals.Count; start += MaxLiterals)
            {
                int count = Math.Min(MaxLiterals, literals.Count - start);
                output.Add((byte)(count - 1));
                output.AddRange(literals.GetRange(start, count));
            }
            literals.Clear();
        }

        int i = 0;
        while (i < data.Length)
        {
            int run = 0;
            while (i > 0 && i + run < data.Length && data[i + run] == data[i - 1])
            {
                run++;
            }
            // At least one byte is left for the closing literal run.
            if (i + run == data.Length)
            {
                run--;
            }
            if (run < MinRun)
            {
                literals.Add(data[i]);
                i++;
                continue;
            }
            Flush();
            if (run <= 8)
            {
                output.Add((byte)((run - 2) << 5));
            }
            else
            {
                output.Add(7 << 5);
                int extra = run - 9;
                for (; extra >= 255; extra -= 255)
                {
                    output.Add(255);
                }
                output.Add((byte)extra);
            }
            // Distance 1: the low byte of distance - 1.
            output.Add(0);
            i += run;
        }
        Flush();
        byte[] stream = [.. output];
        if (!Decode(stream, data.Length).AsSpan().SequenceEqual(data))
        {
            throw new InvalidOperationException("BloscLZ stream does not decode to its data");
        }
        return stream;
    }

    /// <summary>Decodes the tokens <see cref="Encode"/> writes (literal runs and near matches).</summary>
    public static byte[] Decode(byte[] stream, int size)
    {
        byte[] output = new byte[size];
        int ip = 0;
        int op = 0;
        while (ip < stream.Length)
        {
            int ctrl = stream[ip++];
            if (ctrl < 32)
            {
                Array.Copy(stream, ip, output, op, ctrl + 1);
                ip += ctrl + 1;
                op += ctrl + 1;
                continue;
            }
            int length = (ctrl >> 5) - 1;
            if (length == 6)
            {
                int code;
                do
                {
                    code = stream[ip++];
                    length += code;
                }
                while (code == 255);
            }
            length += 3;
            int distance = ((ctrl & 31) << 8) + stream[ip++] + 1;
            for (int k = 0; k < length; k++, op++)
            {
                output[op] = output[op - distance];
            }
        }
        if (op != size)
        {
            throw new InvalidOperationException($"BloscLZ stream holds {op} bytes, not {size}");
        }
        return output;
    }
}
