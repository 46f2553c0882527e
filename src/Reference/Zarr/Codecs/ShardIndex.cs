using System.Runtime.InteropServices;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// A shard's index (sharding_indexed, "Binary shard format"): an (offset, nbytes) pair of
/// unsigned 64-bit integers per inner chunk in C order, both 2^64-1 for an empty inner chunk.
/// </summary>
internal sealed class ShardIndex
{
    public const ulong EmptyMarker = ulong.MaxValue;

    private readonly ulong[] _entries;

    private ShardIndex(ulong[] entries)
    {
        _entries = entries;
    }

    public int Count => _entries.Length / 2;

    public static ShardIndex Empty(int count)
    {
        ulong[] entries = new ulong[count * 2];
        Array.Fill(entries, EmptyMarker);
        return new ShardIndex(entries);
    }

    /// <summary>
    /// Decodes an encoded index with the index codecs and checks every entry: both halves
    /// empty or neither, and inside <paramref name="shardLength"/> bytes when that is known.
    /// </summary>
    public static ShardIndex Decode(ReadOnlyMemory<byte> encoded, CodecPipeline indexPipeline, long? shardLength, string location)
    {
        using NdArray decoded = indexPipeline.Decode(encoded, location + " (shard index)");
        ulong[] entries = MemoryMarshal.Cast<byte, ulong>(decoded.Bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(entries, entries);
        }
        var index = new ShardIndex(entries);
        for (int i = 0; i < index.Count; i++)
        {
            ulong offset = entries[2 * i];
            ulong nbytes = entries[2 * i + 1];
            if (offset == EmptyMarker && nbytes == EmptyMarker)
            {
                continue;
            }
            if (offset == EmptyMarker || nbytes == EmptyMarker)
            {
                throw new ConformanceException(ZarrRules.ShardingIndex, location,
                    $"shard index entry {i} has offset {offset} and nbytes {nbytes}: an empty inner chunk has both set to 2^64-1");
            }
            if (offset > long.MaxValue || nbytes > long.MaxValue - offset || shardLength is long length && offset + nbytes > (ulong)length)
            {
                throw new ConformanceException(ZarrRules.ShardingIndex, location,
                    $"shard index entry {i} (offset {offset}, nbytes {nbytes}) lies outside the shard{(shardLength is long n ? $" of {n} bytes" : "")}");
            }
        }
        return index;
    }

    public bool IsEmpty(int i) => _entries[2 * i] == EmptyMarker;

    public long Offset(int i) => (long)_entries[2 * i];

    public long Length(int i) => (long)_entries[2 * i + 1];

    public void Set(int i, long offset, long length)
    {
        _entries[2 * i] = (ulong)offset;
        _entries[2 * i + 1] = (ulong)length;
    }

    /// <summary>The index as the uint64 array of shape <paramref name="shape"/> that the index codecs encode.</summary>
    public NdArray ToArray(ReadOnlySpan<int> shape)
    {
        NdArray array = NdArray.Rent(ElementType.UInt64, shape);
        Span<ulong> target = MemoryMarshal.Cast<byte, ulong>(array.Bytes);
        _entries.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(target, target);
        }
        return array;
    }
}
