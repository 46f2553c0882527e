using System.Buffers;

namespace Conformance.Reference.Buffers;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over buffers rented from <see cref="ArrayPool{T}.Shared"/>;
/// <see cref="Dispose"/> returns the buffer. A growth past <see cref="MaxLength"/> throws, so a
/// decoder fed hostile input cannot allocate without bound.
/// </summary>
public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 4096, long maxLength = int.MaxValue)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
        MaxLength = Math.Min(maxLength, Array.MaxLength);
    }

    /// <summary>The most bytes this writer will hold.</summary>
    public long MaxLength { get; }

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("advanced past the end of the buffer");
        }
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _written = 0;

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        long required = (long)_written + needed;
        if (required > MaxLength)
        {
            throw new OutputLimitExceededException(MaxLength);
        }
        long grown = Math.Min(Math.Max(required, (long)_buffer.Length * 2), MaxLength);
        byte[] next = ArrayPool<byte>.Shared.Rent((int)grown);
        _buffer.AsSpan(0, _written).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
