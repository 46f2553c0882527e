using System.Globalization;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// An array to store: its metadata document, its chunks encoded through its codecs, and its
/// entry in <c>case.json</c> (the values a conforming reader returns).
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#array-metadata"/></remarks>
internal sealed class FixtureArray
{
    private readonly HashSet<string> _missing;

    /// <param name="dataType">The data type, also written as <c>data_type</c>.</param>
    /// <param name="shape">The array shape.</param>
    /// <param name="chunkShape">The regular grid's chunk shape.</param>
    /// <param name="fillJson">fill_value as the document writes it.</param>
    /// <param name="fill">The fill value as an element.</param>
    /// <param name="values">Every element, C order.</param>
    /// <param name="codecs">The codec chain; the data type's usual array -> bytes codec if null.</param>
    /// <param name="keys">The chunk key encoding; default with "/" if null.</param>
    /// <param name="missing">Indices of chunks that are not stored.</param>
    /// <param name="chunkBytes">Chunk key to bytes replacing the encoded chunk.</param>
    /// <param name="meta">Member changes to the document, as <see cref="Definitions.Edit(JsonMembers, JsonMembers)"/> makes them.</param>
    public FixtureArray(string dataType, int[] shape, int[] chunkShape, object? fillJson, object fill, IEnumerable<object> values,
        List<object?>? codecs = null, object? keys = null, IEnumerable<int[]>? missing = null,
        IDictionary<string, byte[]>? chunkBytes = null, JsonMembers? meta = null)
    {
        DataType = dataType;
        Shape = shape;
        ChunkShape = chunkShape;
        FillJson = fillJson;
        Fill = fill;
        Values = [.. values];
        Codecs = codecs ?? (dataType == "string" ? Definitions.L(Definitions.VlenUtf8) : dataType == "bytes" ? Definitions.L(Definitions.VlenBytes) : Definitions.L(Definitions.Le));
        Keys = keys ?? Definitions.KeysDefault();
        _missing = [.. (missing ?? []).Select(IndexKey)];
        ChunkBytes = new SortedDictionary<string, byte[]>(chunkBytes ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        Meta = meta ?? new JsonMembers();
        if (Values.Count != shape.Aggregate(1, (p, n) => p * n))
        {
            throw new ArgumentException("one value per element", nameof(values));
        }
    }

    public string DataType { get; }

    public int[] Shape { get; }

    public int[] ChunkShape { get; }

    public object? FillJson { get; }

    public object Fill { get; }

    public IReadOnlyList<object> Values { get; }

    public List<object?> Codecs { get; }

    public object Keys { get; }

    /// <summary>Chunk key to bytes stored instead of the encoded chunk (or beside the chunks, for a missing one).</summary>
    public SortedDictionary<string, byte[]> ChunkBytes { get; }

    public JsonMembers Meta { get; }

    public JsonMembers Doc() => Definitions.Edit(new JsonMembers
    {
        { "zarr_format", 3 },
        { "node_type", "array" },
        { "shape", Ints(Shape) },
        { "data_type", DataType },
        { "chunk_grid", Definitions.Regular([.. ChunkShape.Select(c => (object?)c)]) },
        { "chunk_key_encoding", Keys },
        { "fill_value", FillJson },
        { "codecs", Codecs },
    }, Meta);

    /// <summary>The values a reader returns: the data, with the fill value where no chunk is stored.</summary>
    public IEnumerable<object> Expected() => ChunkEncoder.Positions(Shape).Zip(Values, (position, v) => _missing.Contains(IndexKey(ChunkOf(position))) ? Fill : v);

    /// <summary>Store key (under <paramref name="prefix"/>) to bytes of every stored chunk.</summary>
    public SortedDictionary<string, byte[]> Chunks(string prefix)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        int[] strides = ChunkEncoder.CStrides(Shape);
        int[] grid = [.. Shape.Zip(ChunkShape, (n, c) => (n + c - 1) / c)];
        foreach (int[] index in ChunkEncoder.Positions(grid))
        {
            if (_missing.Contains(IndexKey(index)))
            {
                continue;
            }
            List<object> elements = [];
            foreach (int[] within in ChunkEncoder.Positions(ChunkShape))
            {
                int[] position = [.. index.Select((i, d) => (i * ChunkShape[d]) + within[d])];
                bool inside = position.Select((p, d) => p < Shape[d]).All(x => x);
                elements.Add(inside ? Values[ChunkEncoder.Flat(position, strides)] : Fill);
            }
            files[prefix + Definitions.KeyOf(Keys, index)] = ChunkEncoder.Encode(DataType, ChunkShape, elements, Codecs, Fill);
        }
        foreach ((string key, byte[] data) in ChunkBytes)
        {
            files[prefix + key] = data;
        }
        return files;
    }

    /// <summary>The array's entry under <c>arrays</c> in <c>case.json</c>.</summary>
    public JsonMembers Entry() => new()
    {
        { "shape", Ints(Shape) },
        { "data_type", DataType },
        { "chunk_shape", Ints(ChunkShape) },
        { "fill_value", FillJson },
        { "values", Expected().Select(v => ElementValues.ElementJson(DataType, v)).ToList() },
    };

    /// <summary>Writes the array's document and chunks into a case at <paramref name="path"/>; a valid case also lists it.</summary>
    public FixtureCase AddTo(FixtureCase fixture, string path)
    {
        string prefix = FixtureCase.Prefix(path);
        fixture.Raw(prefix + "zarr.json", Doc());
        foreach ((string key, byte[] data) in Chunks(prefix))
        {
            fixture.Files[key] = data;
        }
        if (fixture.Expect == "valid")
        {
            fixture.Arrays[path] = Entry();
        }
        return fixture;
    }

    private int[] ChunkOf(int[] position) => [.. position.Select((p, d) => p / ChunkShape[d])];

    private static List<object?> Ints(int[] values) => [.. values.Select(v => (object?)v)];

    private static string IndexKey(int[] index) => string.Join(",", index.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
