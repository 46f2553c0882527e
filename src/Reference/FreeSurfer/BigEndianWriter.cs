using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Conformance.Reference.FreeSurfer;

/// <summary>Builds a FreeSurfer file in memory, big-endian like every FreeSurfer binary format.</summary>
internal sealed class BigEndianWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Take(8), value);

    public void Int24(int value)
    {
        Span<byte> bytes = Take(3);
        bytes[0] = (byte)(value >> 16);
        bytes[1] = (byte)(value >> 8);
        bytes[2] = (byte)value;
    }

    public void Single(float value) => BinaryPrimitives.WriteSingleBigEndian(Take(4), value);

    public void Bytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Text(string text) => _buffer.Write(Encoding.UTF8.GetBytes(text));

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private Span<byte> Take(int count)
    {
        Span<byte> span = _buffer.GetSpan(count)[..count];
        _buffer.Advance(count);
        return span;
    }
}
