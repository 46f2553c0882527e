using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// The <c>sharding_indexed</c> codec (codecs/sharding-indexed): a shard is split into inner
/// chunks of <see cref="ChunkShape"/>, each encoded with <see cref="Codecs"/> and stored
/// back to back in any order, with an index of (offset, nbytes) pairs encoded by
/// <see cref="IndexCodecs"/> at the start or end. Empty inner chunks are not stored and read as
/// the fill value. Besides whole-shard decoding the codec reads parts of a shard through byte
/// ranges (the index, then only the inner chunks a region touches) and rewrites a shard
/// re-encoding only the inner chunks a write touches.
/// </summary>
public sealed class ShardingCodec : IArrayToBytesCodec
{
    private readonly long[] _chunkShape;
    private readonly long _maxChunkBytes;
    private ShardLayout? _layout;

    public ShardingCodec(IReadOnlyList<long> chunkShape, IReadOnlyList<ICodec> codecs, IReadOnlyList<ICodec> indexCodecs, ShardIndexLocation indexLocation = ShardIndexLocation.End, long maxChunkBytes = 1L << 30)
    {
        foreach (long n in chunkShape)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(chunkShape));
        }
        _chunkShape = [.. chunkShape];
        Codecs = [.. codecs];
        IndexCodecs = [.. indexCodecs];
        IndexLocation = indexLocation;
        _maxChunkBytes = maxChunkBytes;
    }

    public const string CodecName = "sharding_indexed";

    /// <summary>Inner chunk shape.</summary>
    public long[] ChunkShape => [.. _chunkShape];

    public IReadOnlyList<ICodec> Codecs { get; }

    public IReadOnlyList<ICodec> IndexCodecs { get; }

    public ShardIndexLocation IndexLocation { get; }

    /// <summary>Byte-range reads coalesce inner chunks this close together into one request.</summary>
    public int CoalesceGap { get; init; } = 1 << 16;

    public static ShardingCodec Parse(ExtensionObject definition, string location, CodecRegistry registry)
    {
        var configuration = new Configuration(definition, location, ZarrRules.ShardingConfiguration);
        configuration.RejectUnknown("chunk_shape", "codecs", "index_codecs", "index_location");
        long[] chunkShape = configuration.GetIntegerArray("chunk_shape", required: true)!;
        for (int d = 0; d < chunkShape.Length; d++)
        {
            if (chunkShape[d] < 1)
            {
                throw new ConformanceException(ZarrRules.ShardingChunkShape, $"{configuration.Location}/chunk_shape/{d}", $"inner chunk shape entries must be positive, not {chunkShape[d]}");
            }
        }
        ICodec[] codecs = ParseCodecs(definition, configuration, "codecs", registry);
        ICodec[] indexCodecs = ParseCodecs(definition, configuration, "index_codecs", registry);
        ShardIndexLocation indexLocation = configuration.GetString("index_location", required: false) switch
        {
            null or "end" => ShardIndexLocation.End,
            "start" => ShardIndexLocation.Start,
            string other => throw configuration.Fail("index_location", $"index_location must be \"start\" or \"end\", not \"{other}\""),
        };
        return new ShardingCodec(chunkShape, codecs, indexCodecs, indexLocation);
    }

    private static ICodec[] ParseCodecs(ExtensionObject definition, Configuration configuration, string member, CodecRegistry registry)
    {
        if (!configuration.Has(member))
        {
            throw configuration.Fail(member, $"{CodecName} needs configuration member '{member}'");
        }
        JsonElement list = definition.Configuration![member].Deserialize<JsonElement>();
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw configuration.Fail(member, $"{CodecName} {member} must be a non-empty array of codecs");
        }
        var codecs = new ICodec[list.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string at = $"{configuration.Location}/{member}/{i}";
            codecs[i++] = registry.Resolve(ExtensionObject.Parse(item, at), at);
        }
        return codecs;
    }

    public ExtensionObject ToDefinition() => new(CodecName, new JsonObject
    {
        ["chunk_shape"] = new JsonArray([.. _chunkShape.Select(n => (JsonNode)n)]),
        ["codecs"] = new JsonArray([.. Codecs.Select(c => c.ToDefinition().ToJson())]),
        ["index_codecs"] = new JsonArray([.. IndexCodecs.Select(c => c.ToDefinition().ToJson())]),
        ["index_location"] = IndexLocation == ShardIndexLocation.Start ? "start" : "end",
    });

    public void CheckRepresentation(ArrayRepresentation decoded, string location) => LayoutFor(decoded, location);

    // Empty inner chunks are left out, so a shard's size depends on its values.
    public long? ComputeEncodedSize(ArrayRepresentation decoded) => null;

    private ShardLayout LayoutFor(ArrayRepresentation shard, string location)
    {
        ShardLayout? layout = _layout;
        if (layout is null || !layout.Matches(shard))
        {
            layout = ShardLayout.Build(this, shard, location, _maxChunkBytes);
            _layout = layout;
        }
        return layout;
    }

    private static string InnerLocation(string location, ReadOnlySpan<long> innerIndex) =>
        $"{location} inner chunk ({string.Join(", ", innerIndex.ToArray())})";

    public NdArray Decode(ReadOnlyMemory<byte> encoded, ArrayRepresentation decoded, string location)
    {
        int[] shape = decoded.MemoryShape(location);
        NdArray result = NdArray.Rent(decoded.DataType.ElementType, shape);
        try
        {
            DecodeInto(encoded, decoded, location, new int[shape.Length], result, new int[shape.Length], shape);
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>
    /// Decodes the box of <paramref name="extent"/> at <paramref name="shardStart"/> of a whole
    /// shard held in memory into <paramref name="destination"/> at <paramref name="destinationStart"/>,
    /// inner chunk by inner chunk, without building the whole shard.
    /// </summary>
    internal void DecodeInto(ReadOnlyMemory<byte> shard, ArrayRepresentation decoded, string location, ReadOnlySpan<int> shardStart, NdArray destination, ReadOnlySpan<int> destinationStart, ReadOnlySpan<int> extent)
    {
        ShardLayout layout = LayoutFor(decoded, location);
        ShardIndex index = ReadIndex(shard, layout, location);
        int[] start = destinationStart.ToArray();
        foreach (ChunkSelection inner in ChunkSelection.Of(decoded.Shape, layout.InnerShape, ToLong(shardStart), ToLong(extent)))
        {
            int i = layout.Linear(inner.Index);
            int[] at = Offset(start, inner.RegionStart);
            if (index.IsEmpty(i))
            {
                destination.FillRegion(at, inner.Extent, decoded.FillValue);
                continue;
            }
            ReadOnlyMemory<byte> bytes = shard.Slice((int)index.Offset(i), (int)index.Length(i));
            layout.Inner.DecodeInto(bytes, InnerLocation(location, inner.Index), inner.ChunkStart, destination, at, inner.Extent);
        }
    }

    /// <summary>
    /// How a stored shard lays out its bytes, for a validator: inner chunks whose byte ranges
    /// overlap each other or the index. Readers accept such shards (each entry decodes on its
    /// own), so these are findings, not errors; a shard that cannot be read at all throws.
    /// </summary>
    public IReadOnlyList<string> FindOverlaps(ReadOnlyMemory<byte> shard, ArrayRepresentation decoded, string location)
    {
        ShardLayout layout = LayoutFor(decoded, location);
        ShardIndex index = ReadIndex(shard, layout, location);
        int indexStart = layout.IndexOffset(IndexLocation, shard.Length);
        var ranges = new List<(long Start, long End, string Name)> { (indexStart, indexStart + layout.IndexSize, "the shard index") };
        long[] inner = new long[layout.InnerShape.Length];
        for (int i = 0; i < index.Count; i++)
        {
            if (!index.IsEmpty(i) && index.Length(i) > 0)
            {
                layout.Unravel(i, inner);
                ranges.Add((index.Offset(i), index.Offset(i) + index.Length(i), $"inner chunk ({string.Join(", ", inner)})"));
            }
        }
        ranges.Sort((x, y) => x.Start.CompareTo(y.Start));
        var problems = new List<string>();
        (long Start, long End, string Name) widest = ranges[0];
        for (int k = 1; k < ranges.Count; k++)
        {
            if (ranges[k].Start < widest.End)
            {
                problems.Add($"{ranges[k].Name} (bytes {ranges[k].Start}-{ranges[k].End - 1}) overlaps {widest.Name} (bytes {widest.Start}-{widest.End - 1})");
            }
            if (ranges[k].End > widest.End)
            {
                widest = ranges[k];
            }
        }
        return problems;
    }

    private ShardIndex ReadIndex(ReadOnlyMemory<byte> shard, ShardLayout layout, string location)
    {
        if (shard.Length < layout.IndexSize)
        {
            throw new ConformanceException(ZarrRules.ShardingIndex, location, $"shard holds {shard.Length} bytes, fewer than its {layout.IndexSize}-byte index");
        }
        ReadOnlyMemory<byte> encoded = shard.Slice(layout.IndexOffset(IndexLocation, shard.Length), layout.IndexSize);
        return ShardIndex.Decode(encoded, layout.Index, shard.Length, location);
    }

    /// <summary>
    /// Reads the box of <paramref name="extent"/> at <paramref name="shardStart"/> of a stored
    /// shard through byte ranges: its index first, then only the inner chunks the box touches
    /// (neighbours within <see cref="CoalesceGap"/> in one request). Returns false, writing
    /// nothing, when the shard is not stored.
    /// </summary>
    internal async ValueTask<bool> ReadIntoAsync(RangeReader read, ArrayRepresentation decoded, string location, int[] shardStart, NdArray destination, int[] destinationStart, int[] extent, CancellationToken cancellationToken)
    {
        ShardLayout layout = LayoutFor(decoded, location);
        ByteRange indexRange = IndexLocation == ShardIndexLocation.Start ? ByteRange.FromStart(0, layout.IndexSize) : ByteRange.Suffix(layout.IndexSize);
        ShardIndex index;
        using (StoreValue? stored = await read(indexRange, cancellationToken))
        {
            if (stored is null)
            {
                return false;
            }
            if (stored.Length != layout.IndexSize)
            {
                throw new ConformanceException(ZarrRules.ShardingIndex, location, $"shard holds {stored.Length} bytes, fewer than its {layout.IndexSize}-byte index");
            }
            index = ShardIndex.Decode(stored.Memory, layout.Index, null, location);
        }
        var pending = new List<(ChunkSelection Inner, int Entry)>();
        foreach (ChunkSelection inner in ChunkSelection.Of(decoded.Shape, layout.InnerShape, ToLong(shardStart), ToLong(extent)))
        {
            int i = layout.Linear(inner.Index);
            if (index.IsEmpty(i))
            {
                destination.FillRegion(Offset(destinationStart, inner.RegionStart), inner.Extent, decoded.FillValue);
            }
            else
            {
                pending.Add((inner, i));
            }
        }
        if (layout.Inner.PartialSharding is ShardingCodec nested)
        {
            foreach ((ChunkSelection inner, int i) in pending)
            {
                string at = InnerLocation(location, inner.Index);
                RangeReader within = RangeReaders.Within(read, index.Offset(i), index.Length(i));
                if (!await nested.ReadIntoAsync(within, layout.Inner.Decoded, at, inner.ChunkStart, destination, Offset(destinationStart, inner.RegionStart), inner.Extent, cancellationToken))
                {
                    throw new ConformanceException(ZarrRules.ShardingIndex, at, "the inner chunk's bytes lie beyond the end of the shard");
                }
            }
            return true;
        }
        pending.Sort((a, b) => index.Offset(a.Entry).CompareTo(index.Offset(b.Entry)));
        for (int first = 0; first < pending.Count;)
        {
            long start = index.Offset(pending[first].Entry);
            long end = start + index.Length(pending[first].Entry);
            int last = first;
            while (last + 1 < pending.Count && index.Offset(pending[last + 1].Entry) - end <= CoalesceGap
                && Math.Max(end, index.Offset(pending[last + 1].Entry) + index.Length(pending[last + 1].Entry)) - start <= Array.MaxLength)
            {
                last++;
                end = Math.Max(end, index.Offset(pending[last].Entry) + index.Length(pending[last].Entry));
            }
            using StoreValue? bytes = await read(ByteRange.FromStart(start, end - start), cancellationToken);
            if (bytes is null || bytes.Length != end - start)
            {
                throw new ConformanceException(ZarrRules.ShardingIndex, location,
                    $"the shard index points at bytes {start}-{end - 1}, beyond the end of the shard");
            }
            for (int k = first; k <= last; k++)
            {
                (ChunkSelection inner, int i) = pending[k];
                ReadOnlyMemory<byte> slice = bytes.Memory.Slice((int)(index.Offset(i) - start), (int)index.Length(i));
                layout.Inner.DecodeInto(slice, InnerLocation(location, inner.Index), inner.ChunkStart, destination, Offset(destinationStart, inner.RegionStart), inner.Extent);
            }
            first = last + 1;
        }
        return true;
    }

    public void Encode(NdArray decoded, ArrayRepresentation representation, IBufferWriter<byte> output)
    {
        ShardLayout layout = LayoutFor(representation, "");
        ShardIndex index = ShardIndex.Empty(layout.Count);
        using var body = new PooledBufferWriter(1 << 16);
        long[] innerIndex = new long[layout.InnerShape.Length];
        int[] innerShape = [.. layout.InnerShape.Select(n => (int)n)];
        int[] zero = new int[innerShape.Length];
        using NdArray chunk = NdArray.Rent(decoded.ElementType, innerShape);
        for (int i = 0; i < layout.Count; i++)
        {
            layout.Unravel(i, innerIndex);
            NdArray.CopyRegion(decoded, Origin(innerIndex, innerShape), chunk, zero, innerShape);
            if (chunk.IsFilledWith(representation.FillValue))
            {
                continue;
            }
            using PooledBufferWriter encoded = layout.Inner.Encode(chunk);
            index.Set(i, body.WrittenCount, encoded.WrittenCount);
            body.Write(encoded.WrittenSpan);
        }
        WriteShard(layout, index, body.WrittenSpan, output);
    }

    /// <summary>
    /// Rewrites a stored shard (<paramref name="existing"/>, or none) with the box of
    /// <paramref name="extent"/> at <paramref name="dataStart"/> in <paramref name="data"/>
    /// placed at <paramref name="shardStart"/>. Only the inner chunks the box touches are
    /// decoded and re-encoded; the others keep their stored bytes. <paramref name="validExtent"/>
    /// is the part of the shard inside the array. Returns null when every inner chunk ends up
    /// empty, so the shard need not be stored.
    /// </summary>
    internal PooledBufferWriter? Update(ReadOnlyMemory<byte>? existing, ArrayRepresentation representation, string location, NdArray data, int[] dataStart, int[] shardStart, int[] extent, long[] validExtent)
    {
        ShardLayout layout = LayoutFor(representation, location);
        ShardIndex? old = existing is ReadOnlyMemory<byte> stored ? ReadIndex(stored, layout, location) : null;
        var replaced = new Dictionary<int, PooledBufferWriter?>();
        int[] innerShape = [.. layout.InnerShape.Select(n => (int)n)];
        try
        {
            foreach (ChunkSelection inner in ChunkSelection.Of(validExtent, layout.InnerShape, ToLong(shardStart), ToLong(extent)))
            {
                int i = layout.Linear(inner.Index);
                string at = InnerLocation(location, inner.Index);
                NdArray? chunk = null;
                try
                {
                    if (!inner.CoversChunk && old is not null && !old.IsEmpty(i))
                    {
                        chunk = layout.Inner.Decode(existing!.Value.Slice((int)old.Offset(i), (int)old.Length(i)), at);
                    }
                    else
                    {
                        chunk = NdArray.Rent(data.ElementType, innerShape);
                        if (!inner.CoversChunk || inner.Overhangs)
                        {
                            chunk.Fill(representation.FillValue);
                        }
                    }
                    NdArray.CopyRegion(data, Offset(dataStart, inner.RegionStart), chunk, inner.ChunkStart, inner.Extent);
                    replaced[i] = chunk.IsFilledWith(representation.FillValue) ? null : layout.Inner.Encode(chunk);
                }
                finally
                {
                    chunk?.Dispose();
                }
            }
            ShardIndex index = ShardIndex.Empty(layout.Count);
            using var body = new PooledBufferWriter(existing?.Length ?? 1 << 16);
            bool any = false;
            for (int i = 0; i < layout.Count; i++)
            {
                ReadOnlySpan<byte> bytes;
                if (replaced.TryGetValue(i, out PooledBufferWriter? encoded))
                {
                    if (encoded is null)
                    {
                        continue;
                    }
                    bytes = encoded.WrittenSpan;
                }
                else if (old is not null && !old.IsEmpty(i))
                {
                    bytes = existing!.Value.Span.Slice((int)old.Offset(i), (int)old.Length(i));
                }
                else
                {
                    continue;
                }
                index.Set(i, body.WrittenCount, bytes.Length);
                body.Write(bytes);
                any = true;
            }
            if (!any)
            {
                return null;
            }
            var output = new PooledBufferWriter(body.WrittenCount + layout.IndexSize);
            WriteShard(layout, index, body.WrittenSpan, output);
            return output;
        }
        finally
        {
            foreach (PooledBufferWriter? encoded in replaced.Values)
            {
                encoded?.Dispose();
            }
        }
    }

    /// <summary>Writes the inner chunks' <paramref name="body"/> and the index, whose offsets are relative to the body, in the configured order.</summary>
    private void WriteShard(ShardLayout layout, ShardIndex index, ReadOnlySpan<byte> body, IBufferWriter<byte> output)
    {
        if (IndexLocation == ShardIndexLocation.Start)
        {
            for (int i = 0; i < index.Count; i++)
            {
                if (!index.IsEmpty(i))
                {
                    index.Set(i, index.Offset(i) + layout.IndexSize, index.Length(i));
                }
            }
        }
        using NdArray entries = index.ToArray(layout.IndexShape);
        using PooledBufferWriter encodedIndex = layout.Index.Encode(entries);
        if (encodedIndex.WrittenCount != layout.IndexSize)
        {
            throw new InvalidOperationException($"index codecs wrote {encodedIndex.WrittenCount} bytes, not the {layout.IndexSize} they promised");
        }
        if (IndexLocation == ShardIndexLocation.Start)
        {
            output.Write(encodedIndex.WrittenSpan);
            output.Write(body);
        }
        else
        {
            output.Write(body);
            output.Write(encodedIndex.WrittenSpan);
        }
    }

    private static int[] Origin(ReadOnlySpan<long> innerIndex, int[] innerShape)
    {
        int[] origin = new int[innerShape.Length];
        for (int d = 0; d < origin.Length; d++)
        {
            origin[d] = (int)innerIndex[d] * innerShape[d];
        }
        return origin;
    }

    private static int[] Offset(ReadOnlySpan<int> start, int[] delta)
    {
        int[] result = new int[delta.Length];
        for (int d = 0; d < result.Length; d++)
        {
            result[d] = start[d] + delta[d];
        }
        return result;
    }

    private static long[] ToLong(ReadOnlySpan<int> values)
    {
        long[] result = new long[values.Length];
        for (int d = 0; d < result.Length; d++)
        {
            result[d] = values[d];
        }
        return result;
    }
}
