using System.Text.Json.Nodes;
using Conformance.Reference.Model;

namespace Conformance.Reference.Gifti;

/// <summary>
/// Recognises a GIFTI file and opens it as the format-neutral model: a group whose children
/// <c>/0</c>, <c>/1</c>, … are the data arrays in file order, each with its Dims as shape (read
/// in C order whatever the file's ArrayIndexingOrder) and its intent, metadata and transforms as
/// attributes; the file's metadata and label table are the group's attributes.
/// </summary>
public static class GiftiFile
{
    /// <summary>Whether <paramref name="path"/> is named as a GIFTI file or its text starts with a GIFTI element.</summary>
    public static bool Detect(string path)
    {
        if (path.EndsWith(".gii", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        Span<byte> head = stackalloc byte[1024];
        int read;
        using (FileStream file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        // An XML file whose root is GIFTI: the element name appears after the declaration and
        // any DOCTYPE, well within the first kilobyte of files as writers lay them out.
        return head[..read].TrimStart("\uFEFF"u8).StartsWith("<?xml"u8) && head[..read].IndexOf("<GIFTI"u8) >= 0;
    }

    public static Node Open(string path) => ToNode(GiftiReader.Read(path));

    public static InMemoryGroupNode ToNode(GiftiImage image)
    {
        var children = new List<Node>();
        for (int i = 0; i < image.DataArrays.Count; i++)
        {
            children.Add(DataArrayNode(image.DataArrays[i], "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var gifti = new JsonObject { ["version"] = image.Version, ["metadata"] = MetaData(image.MetaData) };
        if (image.LabelTable.Labels.Count > 0)
        {
            gifti["label_table"] = new JsonArray([.. image.LabelTable.Labels.Select(l => (JsonNode?)new JsonObject
            {
                ["key"] = l.Key,
                ["name"] = l.Name,
                ["rgba"] = new JsonArray(l.Red, l.Green, l.Blue, l.Alpha),
            })]);
        }
        return new InMemoryGroupNode("/", children, new JsonObject { ["gifti"] = gifti });
    }

    private static JsonObject MetaData(GiftiMetaData metaData)
    {
        var entries = new JsonObject();
        foreach ((string name, string value) in metaData.Entries)
        {
            entries[name] = value;
        }
        return entries;
    }

    private static InMemoryArrayNode DataArrayNode(GiftiDataArray array, string path)
    {
        ElementType type = GiftiNames.ElementTypeOf(array.DataType);
        int[] dims = array.Dims;
        NdArray data;
        if (array.ArrayIndexingOrder == ArrayIndexingOrder.ColumnMajor && dims.Length > 1)
        {
            // Column-major data read as C order has the dimensions reversed; reversing them back
            // gives the array whose dimension i is Dims[i].
            int[] reversed = [.. dims.Reverse()];
            using NdArray stored = NdArray.FromBytes(type, reversed, array.Data);
            data = NdArray.Create(type, dims);
            stored.PermuteInto([.. Enumerable.Range(0, dims.Length).Reverse()], data);
        }
        else
        {
            data = NdArray.FromBytes(type, dims, array.Data);
        }
        var attributes = new JsonObject
        {
            ["intent"] = GiftiNames.Of(array.Intent),
            ["data_type"] = GiftiNames.Of(array.DataType),
            ["array_indexing_order"] = GiftiNames.Of(array.ArrayIndexingOrder),
            ["encoding"] = GiftiNames.Of(array.Encoding),
            ["endian"] = GiftiNames.Of(array.Endian),
            ["metadata"] = MetaData(array.MetaData),
        };
        if (array.ExternalFileName is string external)
        {
            attributes["external_file_name"] = external;
            attributes["external_file_offset"] = array.ExternalFileOffset;
        }
        if (array.CoordinateSystemTransforms.Count > 0)
        {
            attributes["transforms"] = new JsonArray([.. array.CoordinateSystemTransforms.Select(t => (JsonNode?)new JsonObject
            {
                ["data_space"] = t.DataSpace,
                ["transformed_space"] = t.TransformedSpace,
                ["matrix"] = new JsonArray([.. t.MatrixData.Select(v => (JsonNode?)v)]),
            })]);
        }
        return new InMemoryArrayNode(path, data, null, new JsonObject { ["gifti"] = attributes }, [GiftiNames.Of(array.Encoding)]);
    }
}
