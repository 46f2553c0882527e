using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;

namespace Conformance.Validator.Commands;

/// <summary>Writes elements as JSON, one per line, batching the text for the output writer.</summary>
public sealed class ElementLines : IDisposable
{
    private readonly PooledBufferWriter _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private readonly TextWriter _output;

    public ElementLines(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public async Task WriteAsync(NdArray array, CancellationToken cancellationToken)
    {
        for (int i = 0; i < array.Count; i++)
        {
            ElementJson.Write(_json, array.ElementType, array.Element(i));
            _json.Flush();
            _json.Reset();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            if (_buffer.WrittenCount > 1 << 15)
            {
                await FlushAsync(cancellationToken);
            }
        }
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(Encoding.UTF8.GetString(_buffer.WrittenSpan).AsMemory(), cancellationToken);
        _buffer.Clear();
    }

    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }
}
