using System.Text.Json;
using Conformance.Reference.Zarr.Codecs;

namespace Conformance.Reference.Zarr.Metadata;

public sealed partial class ArrayMetadata
{
    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("zarr_format", 3);
        writer.WriteString("node_type", "array");
        writer.WriteStartArray("shape");
        foreach (long n in Shape)
        {
            writer.WriteNumberValue(n);
        }
        writer.WriteEndArray();
        writer.WritePropertyName("data_type");
        DataType.ToDefinition().WriteTo(writer);
        writer.WritePropertyName("chunk_grid");
        ChunkGrid.ToDefinition().WriteTo(writer);
        writer.WritePropertyName("chunk_key_encoding");
        ChunkKeyEncoding.ToDefinition().WriteTo(writer);
        writer.WritePropertyName("fill_value");
        DataType.WriteFillValue(writer, FillValue);
        writer.WriteStartArray("codecs");
        foreach (ICodec codec in Codecs)
        {
            codec.ToDefinition().WriteTo(writer);
        }
        writer.WriteEndArray();
        WriteCommonTail(writer);
        if (StorageTransformers is not null)
        {
            writer.WriteStartArray("storage_transformers");
            foreach (ExtensionObject transformer in StorageTransformers)
            {
                transformer.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        if (DimensionNames is not null)
        {
            writer.WriteStartArray("dimension_names");
            foreach (string? name in DimensionNames)
            {
                if (name is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(name);
                }
            }
            writer.WriteEndArray();
        }
        WriteExtraFields(writer);
        writer.WriteEndObject();
    }
}
