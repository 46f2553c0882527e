using System.Buffers;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>A value read from a store, in a pooled buffer that <see cref="Dispose"/> returns.</summary>
public sealed class StoreValue : IMemoryOwner<byte>
{
    private byte[]? _buffer;
    private readonly int _length;

    private StoreValue(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>A value of <paramref name="length"/> bytes in a rented buffer, for the store to fill.</summary>
    public static StoreValue Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length);

    public Memory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(StoreValue))).AsMemory(0, _length);

    public int Length => _length;

    public byte[] ToArray() => Memory.ToArray();

    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
