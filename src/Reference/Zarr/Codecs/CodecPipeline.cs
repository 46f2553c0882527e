using Conformance.Reference.Buffers;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// A chain of codecs checked when it is built: zero or more <c>array -> array</c>, exactly one
/// <c>array -> bytes</c>, zero or more <c>bytes -> bytes</c> (core spec, "Codecs"), with each
/// codec's representation computed up front ("Determination of encoded representations").
/// </summary>
public sealed class CodecPipeline
{
    private readonly IArrayToArrayCodec[] _arrayCodecs;
    private readonly ArrayRepresentation[] _representations;
    private readonly IArrayToBytesCodec _serializer;
    private readonly IBytesToBytesCodec[] _bytesCodecs;
    private readonly long?[] _byteSizes;
    private readonly long _maxChunkBytes;

    private CodecPipeline(IArrayToArrayCodec[] arrayCodecs, ArrayRepresentation[] representations, IArrayToBytesCodec serializer, IBytesToBytesCodec[] bytesCodecs, long?[] byteSizes, long maxChunkBytes)
    {
        _arrayCodecs = arrayCodecs;
        _representations = representations;
        _serializer = serializer;
        _bytesCodecs = bytesCodecs;
        _byteSizes = byteSizes;
        _maxChunkBytes = maxChunkBytes;
    }

    /// <summary>The chunk as the array sees it: data type and chunk shape.</summary>
    public ArrayRepresentation Decoded => _representations[0];

    public IArrayToBytesCodec Serializer => _serializer;

    /// <summary>
    /// The sharding codec when it is the whole chain, so that a shard's stored bytes are its
    /// index and inner chunks and parts of it can be read and rewritten through byte ranges;
    /// otherwise null.
    /// </summary>
    public ShardingCodec? PartialSharding => _arrayCodecs.Length == 0 && _bytesCodecs.Length == 0 ? _serializer as ShardingCodec : null;

    /// <summary>Size of an encoded chunk when every codec's output size is fixed, else null.</summary>
    public long? EncodedSize => _byteSizes[^1];

    /// <summary>
    /// Builds the pipeline for chunks of <paramref name="decoded"/>. <paramref name="location"/>
    /// locates the <c>codecs</c> member (e.g. <c>a/zarr.json#/codecs</c>), for diagnostics; <paramref name="maxChunkBytes"/> bounds what
    /// decoding a chunk of unknown size may allocate.
    /// </summary>
    public static CodecPipeline Build(IReadOnlyList<ICodec> codecs, ArrayRepresentation decoded, string location, long maxChunkBytes)
    {
        var arrayCodecs = new List<IArrayToArrayCodec>();
        var representations = new List<ArrayRepresentation> { decoded };
        IArrayToBytesCodec? serializer = null;
        var bytesCodecs = new List<IBytesToBytesCodec>();
        for (int i = 0; i < codecs.Count; i++)
        {
            string at = $"{location}/{i}";
            switch (codecs[i])
            {
                case IgnoredCodec:
                    break;
                case IArrayToArrayCodec a when serializer is null:
                    representations.Add(a.ComputeEncodedRepresentation(representations[^1], at));
                    arrayCodecs.Add(a);
                    break;
                case IArrayToBytesCodec b when serializer is null:
                    b.CheckRepresentation(representations[^1], at);
                    serializer = b;
                    break;
                case IBytesToBytesCodec c when serializer is not null:
                    bytesCodecs.Add(c);
                    break;
                case ICodec c:
                    throw new ConformanceException(ZarrRules.CodecOrder, at,
                        $"codec '{c.ToDefinition().Name}' is out of order: array->array codecs come first, then exactly one array->bytes codec, then bytes->bytes codecs");
            }
        }
        if (serializer is null)
        {
            throw new ConformanceException(ZarrRules.CodecOrder, location, "the codecs have no array->bytes codec");
        }
        long?[] sizes = new long?[bytesCodecs.Count + 1];
        sizes[0] = serializer.ComputeEncodedSize(representations[^1]);
        for (int i = 0; i < bytesCodecs.Count; i++)
        {
            sizes[i + 1] = bytesCodecs[i].ComputeEncodedSize(sizes[i]);
        }
        return new CodecPipeline([.. arrayCodecs], [.. representations], serializer, [.. bytesCodecs], sizes, maxChunkBytes);
    }

    /// <summary>Decodes one stored chunk (core spec, "Decoding procedure"); the caller disposes the result.</summary>
    public NdArray Decode(ReadOnlyMemory<byte> stored, string location)
    {
        ReadOnlyMemory<byte> bytes = DecodeBytes(stored, location, out PooledBufferWriter? owner);
        try
        {
            NdArray array = _serializer.Decode(bytes, _representations[^1], location);
            for (int i = _arrayCodecs.Length - 1; i >= 0; i--)
            {
                using NdArray encoded = array;
                array = _arrayCodecs[i].Decode(encoded, _representations[i], location);
            }
            return array;
        }
        finally
        {
            owner?.Dispose();
        }
    }

    /// <summary>
    /// Decodes one stored chunk only to check it: the same rules as <see cref="Decode"/>, nothing
    /// kept. When the chain ends in a <c>bytes</c> codec with no array codecs, everything that
    /// can be wrong with the decoded bytes is their length and bool values, which are checked in
    /// place, without copying them into an array (deep validation of a large store is otherwise
    /// one extra copy of all its data).
    /// </summary>
    public void Check(ReadOnlyMemory<byte> stored, string location)
    {
        if (_arrayCodecs.Length > 0 || _serializer is not BytesCodec)
        {
            using NdArray decoded = Decode(stored, location);
            return;
        }
        ReadOnlyMemory<byte> bytes = DecodeBytes(stored, location, out PooledBufferWriter? owner);
        try
        {
            BytesCodec.CheckEncoded(bytes.Span, _representations[^1], location);
        }
        finally
        {
            owner?.Dispose();
        }
    }

    /// <summary>
    /// Decodes one stored chunk and copies its box at <paramref name="chunkStart"/> of
    /// <paramref name="extent"/> to <paramref name="destinationStart"/> in
    /// <paramref name="destination"/>. When the chunk's bytes already are its elements (a
    /// <c>bytes</c> codec with no byte swap and no array codecs) the copy is made straight from
    /// the decoded bytes, without an intermediate array.
    /// </summary>
    public void DecodeInto(ReadOnlyMemory<byte> stored, string location, ReadOnlySpan<int> chunkStart, NdArray destination, ReadOnlySpan<int> destinationStart, ReadOnlySpan<int> extent)
    {
        if (_arrayCodecs.Length == 0 && _serializer is ShardingCodec sharding)
        {
            ReadOnlyMemory<byte> shard = DecodeBytes(stored, location, out PooledBufferWriter? shardOwner);
            try
            {
                sharding.DecodeInto(shard, _representations[0], location, chunkStart, destination, destinationStart, extent);
            }
            finally
            {
                shardOwner?.Dispose();
            }
            return;
        }
        if (_arrayCodecs.Length > 0 || _serializer is not BytesCodec bytesCodec || !bytesCodec.IsIdentity(destination.ElementType))
        {
            using NdArray decoded = Decode(stored, location);
            NdArray.CopyRegion(decoded, chunkStart, destination, destinationStart, extent);
            return;
        }
        ReadOnlyMemory<byte> bytes = DecodeBytes(stored, location, out PooledBufferWriter? owner);
        try
        {
            int[] shape = BytesCodec.CheckEncoded(bytes.Span, _representations[0], location);
            NdArray.CopyRegion(bytes.Span, shape, chunkStart, destination, destinationStart, extent);
        }
        finally
        {
            owner?.Dispose();
        }
    }

    /// <summary>Runs the bytes->bytes codecs in reverse; <paramref name="owner"/> holds the result's buffer, if any.</summary>
    private ReadOnlyMemory<byte> DecodeBytes(ReadOnlyMemory<byte> stored, string location, out PooledBufferWriter? owner)
    {
        owner = null;
        ReadOnlyMemory<byte> bytes = stored;
        try
        {
            for (int i = _bytesCodecs.Length - 1; i >= 0; i--)
            {
                long limit = _byteSizes[i] ?? _maxChunkBytes;
                var next = new PooledBufferWriter((int)Math.Min(limit, 1 << 20), limit);
                try
                {
                    _bytesCodecs[i].Decode(bytes, next, location);
                }
                catch
                {
                    next.Dispose();
                    throw;
                }
                owner?.Dispose();
                owner = next;
                bytes = owner.WrittenMemory;
            }
            return bytes;
        }
        catch
        {
            owner?.Dispose();
            owner = null;
            throw;
        }
    }

    /// <summary>
    /// Encodes one chunk (core spec, "Encoding procedure"). The returned writer holds the bytes
    /// to store; the caller disposes it.
    /// </summary>
    public PooledBufferWriter Encode(NdArray chunk)
    {
        NdArray array = chunk;
        try
        {
            for (int i = 0; i < _arrayCodecs.Length; i++)
            {
                NdArray next = _arrayCodecs[i].Encode(array, _representations[i + 1]);
                if (!ReferenceEquals(array, chunk))
                {
                    array.Dispose();
                }
                array = next;
            }
            var output = new PooledBufferWriter((int)Math.Min(_byteSizes[0] ?? 1 << 16, int.MaxValue));
            _serializer.Encode(array, _representations[^1], output);
            foreach (IBytesToBytesCodec codec in _bytesCodecs)
            {
                var next = new PooledBufferWriter(output.WrittenCount + 64);
                codec.Encode(output.WrittenMemory, next);
                output.Dispose();
                output = next;
            }
            return output;
        }
        finally
        {
            if (!ReferenceEquals(array, chunk))
            {
                array.Dispose();
            }
        }
    }
}
