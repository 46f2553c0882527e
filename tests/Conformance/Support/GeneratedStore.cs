using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Tests.Support;

/// <summary>
/// A read-only store holding one uint16 array whose chunks are computed from their key when read
/// (element (r, c) = r * 7 + c * 13, modulo 2^16), so a store of any number of chunks costs no
/// memory or disk.
/// </summary>
public sealed class GeneratedStore(long rows, long columns, int chunkRows, int chunkColumns) : Store
{
    public override bool IsWritable => false;

    public long ChunkCount => GridRows * GridColumns;

    private long GridRows => (rows + chunkRows - 1) / chunkRows;

    private long GridColumns => (columns + chunkColumns - 1) / chunkColumns;

    public static ushort Value(long row, long column) => (ushort)(row * 7 + column * 13);

    /// <summary>Writes the elements of the box at (<paramref name="row"/>, <paramref name="column"/>) of the given shape, C order, little-endian.</summary>
    public static void Fill(Span<byte> target, long row, long column, int height, int width)
    {
        for (int r = 0; r < height; r++)
        {
            Span<byte> line = target.Slice(r * width * 2, width * 2);
            ushort first = Value(row + r, column);
            for (int c = 0; c < width; c++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(line[(2 * c)..], (ushort)(first + 13 * c));
            }
        }
    }

    private string Metadata => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"zarr_format": 3, "node_type": "array", "shape": [{{{rows}}}, {{{columns}}}], "data_type": "uint16",
         "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [{{{chunkRows}}}, {{{chunkColumns}}}]}},
         "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
         "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}]}
        """);

    public override ValueTask<StoreValue?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        byte[]? whole = null;
        if (key == "zarr.json")
        {
            whole = Encoding.UTF8.GetBytes(Metadata);
        }
        else if (TryParseChunk(key, out long i, out long j))
        {
            StoreValue chunk = StoreValue.Rent(chunkRows * chunkColumns * 2);
            Fill(chunk.Memory.Span, i * chunkRows, j * chunkColumns, chunkRows, chunkColumns);
            if (range is null)
            {
                return ValueTask.FromResult<StoreValue?>(chunk);
            }
            whole = chunk.ToArray();
            chunk.Dispose();
        }
        if (whole is null)
        {
            return ValueTask.FromResult<StoreValue?>(null);
        }
        (long offset, long length) = (range ?? ByteRange.Full).Resolve(whole.Length);
        StoreValue value = StoreValue.Rent((int)length);
        whole.AsSpan((int)offset, (int)length).CopyTo(value.Memory.Span);
        return ValueTask.FromResult<StoreValue?>(value);
    }

    private bool TryParseChunk(string key, out long i, out long j)
    {
        i = j = -1;
        string[] parts = key.Split('/');
        return parts.Length == 3 && parts[0] == "c"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out i) && i < GridRows
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out j) && j < GridColumns;
    }

    public override ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the generated store is read-only");

    public override ValueTask EraseAsync(string key, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the generated store is read-only");

    public override async IAsyncEnumerable<string> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if ("zarr.json".StartsWith(prefix, StringComparison.Ordinal))
        {
            yield return "zarr.json";
        }
        for (long i = 0; i < GridRows; i++)
        {
            for (long j = 0; j < GridColumns; j++)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"c/{i}/{j}");
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return key;
                }
            }
        }
        await Task.CompletedTask;
    }

    public override ValueTask<StoreListing> ListDirAsync(string prefix, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(prefix.Length == 0 ? new StoreListing(["zarr.json"], ["c/"]) : new StoreListing([], []));
}
