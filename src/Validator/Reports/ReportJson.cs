using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>How the JSON and SARIF writers lay out their documents.</summary>
internal static class ReportJson
{
    /// <summary>
    /// Indented with "\n" on every OS so the bytes are the same everywhere; the relaxed encoder
    /// keeps quotes and non-ASCII text in messages readable, which is safe outside HTML.
    /// </summary>
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(TextWriter output, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        await output.WriteAsync("\n".AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteNullableNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long n)
        {
            writer.WriteNumber(name, n);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>
    /// The members of a location: key, pointer, chunk and byte range (the byte members named as
    /// the format spells them), each null when absent.
    /// </summary>
    public static void WriteLocationMembers(Utf8JsonWriter writer, DiagnosticLocation location, string byteStart, string byteLength)
    {
        WriteNullableString(writer, "key", location.Key);
        WriteNullableString(writer, "pointer", location.Pointer);
        if (location.Chunk is null)
        {
            writer.WriteNull("chunk");
        }
        else
        {
            writer.WriteStartArray("chunk");
            foreach (long index in location.Chunk)
            {
                writer.WriteNumberValue(index);
            }
            writer.WriteEndArray();
        }
        WriteNullableNumber(writer, byteStart, location.ByteStart);
        WriteNullableNumber(writer, byteLength, location.ByteLength);
    }
}
