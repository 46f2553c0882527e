using System.Buffers.Binary;

namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// A forward cursor over a whole FreeSurfer file. Every FreeSurfer binary format is big-endian
/// (the files are written with FreeSurfer's fwriteInt/fwrite3/fwrite2 helpers). A read that
/// would run past the end throws the caller's rule with the offset where it started and does
/// not advance.
/// </summary>
internal ref struct BigEndianSpan(ReadOnlySpan<byte> data, string file)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public string File { get; } = file;

    public int Position { get; private set; }

    public readonly int Length => _data.Length;

    public readonly int Remaining => _data.Length - Position;

    public readonly ReadOnlySpan<byte> Rest => _data[Position..];

    public readonly string At(long offset) => $"{File}@{offset}";

    public readonly string Here => At(Position);

    /// <summary>Fails unless <paramref name="count"/> more bytes exist; counts come from the file, so they are checked as 64-bit.</summary>
    public readonly void Need(long count, string rule, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw new ConformanceException(rule, Here, $"{what} needs {count} bytes but the file has {Remaining} left");
        }
    }

    public int Int32(string rule, string what)
    {
        Need(4, rule, what);
        int value = BinaryPrimitives.ReadInt32BigEndian(_data[Position..]);
        Position += 4;
        return value;
    }

    public long Int64(string rule, string what)
    {
        Need(8, rule, what);
        long value = BinaryPrimitives.ReadInt64BigEndian(_data[Position..]);
        Position += 8;
        return value;
    }

    /// <summary>FreeSurfer's fread3: an unsigned 24-bit big-endian integer.</summary>
    public int Int24(string rule, string what)
    {
        Need(3, rule, what);
        int value = (_data[Position] << 16) | (_data[Position + 1] << 8) | _data[Position + 2];
        Position += 3;
        return value;
    }

    public short Int16(string rule, string what)
    {
        Need(2, rule, what);
        short value = BinaryPrimitives.ReadInt16BigEndian(_data[Position..]);
        Position += 2;
        return value;
    }

    public float Single(string rule, string what)
    {
        Need(4, rule, what);
        float value = BinaryPrimitives.ReadSingleBigEndian(_data[Position..]);
        Position += 4;
        return value;
    }

    public ReadOnlySpan<byte> Bytes(long count, string rule, string what)
    {
        Need(count, rule, what);
        ReadOnlySpan<byte> value = _data.Slice(Position, (int)count);
        Position += (int)count;
        return value;
    }

    public void Skip(int count) => Position += count;
}
