using System.Text.Json;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Validator.Suite;

/// <summary>
/// A write case as an adapter receives it (spec/adapter-protocol.md): the array's metadata
/// document, exactly as a conforming writer would store it at the root, and every element in C
/// order in the fill-value JSON form of its data type.
/// </summary>
public static class WriteRequest
{
    public static byte[] Create(JsonElement metadata, JsonElement values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("metadata");
            metadata.WriteTo(writer);
            writer.WritePropertyName("values");
            values.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The request's metadata and its values as an array of that data type and shape.</summary>
    public static (ArrayMetadata Metadata, NdArray Data) Read(ReadOnlyMemory<byte> request, string location)
    {
        using JsonDocument document = JsonDocument.Parse(request);
        JsonElement root = document.RootElement;
        if (NodeMetadata.Parse(root.GetProperty("metadata"), location + "#/metadata", ZarrOptions.Default) is not ArrayMetadata metadata)
        {
            throw new FormatException("a write request's metadata describes an array");
        }
        JsonElement values = root.GetProperty("values");
        int[] shape = [.. metadata.Shape.Select(n => checked((int)n))];
        ElementType type = metadata.DataType.ElementType;
        NdArray data = NdArray.Create(type, shape);
        if (values.GetArrayLength() != data.Count)
        {
            data.Dispose();
            throw new FormatException($"{values.GetArrayLength()} values for {data.Count} elements");
        }
        int i = 0;
        foreach (JsonElement value in values.EnumerateArray())
        {
            byte[] element = metadata.DataType.ParseFillValue(value, $"{location}#/values/{i}");
            if (data.Items is { } items)
            {
                items[i] = element;
            }
            else
            {
                element.CopyTo(data.Bytes.Slice(i * type.Size, type.Size));
            }
            i++;
        }
        return (metadata, data);
    }
}
