using System.Buffers;

namespace Conformance.Reference.Zarr.Stores;

/// <summary>A value read from a store, in a pooled buffer that <see cref="Dispose"/> returns.</summary>
public sealed class StoreValue : IMemoryOwner<byte>
{
    private byte[]? _buffer;
    private readonly bool _pooled;
    private readonly int _length;

    private StoreValue(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    /// <summary>A value of <paramref name="length"/> bytes in a rented buffer, for the store to fill.</summary>
    public static StoreValue Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length, pooled: true);

    /// <summary>Wraps a copy-free array the store owns no longer.</summary>
    public static StoreValue Wrap(byte[] value) => new(value, value.Length, pooled: false);

    public Memory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(StoreValue))).AsMemory(0, _length);

    public int Length => _length;

    public byte[] ToArray() => Memory.ToArray();

    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        if (_pooled && buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
