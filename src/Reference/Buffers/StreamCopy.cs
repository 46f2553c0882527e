namespace Conformance.Reference.Buffers;

/// <summary>Drains a decoding stream into a bounded writer.</summary>
public static class StreamCopy
{
    public static void ToWriter(Stream source, PooledBufferWriter output)
    {
        while (true)
        {
            Span<byte> span = output.GetSpan(64 * 1024);
            int n = source.Read(span);
            if (n == 0)
            {
                return;
            }
            output.Advance(n);
        }
    }
}
