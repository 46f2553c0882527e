namespace Conformance.Reference.Buffers;

/// <summary>Drains a decoding stream into a bounded writer.</summary>
public static class StreamCopy
{
    /// <summary>
    /// Copies <paramref name="source"/> to its end into <paramref name="output"/>; throws
    /// <see cref="OutputLimitExceededException"/> as soon as the source holds more than the
    /// writer's limit, without reading the rest.
    /// </summary>
    public static void ToWriter(Stream source, PooledBufferWriter output)
    {
        while (true)
        {
            long room = output.MaxLength - output.WrittenCount;
            if (room == 0)
            {
                Span<byte> probe = stackalloc byte[1];
                if (source.Read(probe) > 0)
                {
                    throw new OutputLimitExceededException(output.MaxLength);
                }
                return;
            }
            int want = (int)Math.Min(room, 64 * 1024);
            Span<byte> span = output.GetSpan(want)[..want];
            int n = source.Read(span);
            if (n == 0)
            {
                return;
            }
            output.Advance(n);
        }
    }
}
