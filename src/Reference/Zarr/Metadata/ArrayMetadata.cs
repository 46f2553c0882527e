using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.ChunkKeys;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// Array metadata (core spec, "Array metadata"): shape, data type, chunk grid, chunk key
/// encoding, fill value and codecs, with optional attributes, storage transformers and
/// dimension names.
/// </summary>
public sealed partial class ArrayMetadata : NodeMetadata
{
    public ArrayMetadata(IReadOnlyList<long> shape, ZarrDataType dataType, RegularChunkGrid chunkGrid, IReadOnlyList<ICodec> codecs, byte[]? fillValue = null, ChunkKeyEncoding? chunkKeyEncoding = null)
    {
        if (chunkGrid.ChunkShape.Length != shape.Count)
        {
            throw new ArgumentException($"chunk shape has {chunkGrid.ChunkShape.Length} dimensions, the array {shape.Count}", nameof(chunkGrid));
        }
        foreach (long n in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(shape));
        }
        fillValue ??= dataType.DefaultFillValue;
        if (!dataType.ElementType.IsVariableLength && fillValue.Length != dataType.ElementType.Size)
        {
            throw new ArgumentException($"a {dataType} fill value has {dataType.ElementType.Size} bytes, not {fillValue.Length}", nameof(fillValue));
        }
        Shape = [.. shape];
        DataType = dataType;
        ChunkGrid = chunkGrid;
        Codecs = [.. codecs];
        FillValue = fillValue;
        ChunkKeyEncoding = chunkKeyEncoding ?? ChunkKeyEncoding.Default;
    }

    public override string NodeType => "array";

    public long[] Shape { get; }

    public ZarrDataType DataType { get; }

    public RegularChunkGrid ChunkGrid { get; }

    public ChunkKeyEncoding ChunkKeyEncoding { get; }

    /// <summary>The fill value: element bytes, little-endian (the value itself for variable-length types).</summary>
    public byte[] FillValue { get; }

    public IReadOnlyList<ICodec> Codecs { get; }

    /// <summary>Storage transformers as written; null when the member is absent.</summary>
    public IReadOnlyList<ExtensionObject>? StorageTransformers { get; init; }

    /// <summary>Dimension names (null entries for unnamed ones); null when the member is absent.</summary>
    public IReadOnlyList<string?>? DimensionNames
    {
        get;
        init
        {
            if (value is not null && value.Count != Shape.Length)
            {
                throw new ArgumentException($"{value.Count} dimension names for {Shape.Length} dimensions", nameof(value));
            }
            field = value;
        }
    }
}
