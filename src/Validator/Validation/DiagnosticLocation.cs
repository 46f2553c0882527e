using System.Globalization;
using System.Text;

namespace Conformance.Validator.Validation;

/// <summary>
/// Where a finding is: a store key, a JSON pointer inside that key's document, a chunk index
/// and a byte range inside the value; any may be absent.
/// </summary>
public sealed record DiagnosticLocation(string? Key = null, string? Pointer = null, IReadOnlyList<long>? Chunk = null, long? ByteStart = null, long? ByteLength = null)
{
    /// <summary>
    /// A location from the reference reader's location text: <c>key#/pointer</c>, or a key
    /// followed by a description (<c>c/0/0 inner chunk (1, 0)</c>).
    /// </summary>
    public static DiagnosticLocation FromReader(string location)
    {
        int hash = location.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? new DiagnosticLocation(location) : new DiagnosticLocation(location[..hash], location[(hash + 1)..]);
    }

    public override string ToString()
    {
        var text = new StringBuilder(Key ?? "");
        if (Pointer is not null)
        {
            text.Append('#').Append(Pointer);
        }
        if (Chunk is not null)
        {
            text.Append(text.Length > 0 ? " " : "").Append("chunk [").Append(string.Join(", ", Chunk)).Append(']');
        }
        if (ByteStart is long start)
        {
            text.Append(CultureInfo.InvariantCulture, $" bytes {start}").Append(ByteLength is long n ? string.Create(CultureInfo.InvariantCulture, $"-{start + n - 1}") : "-");
        }
        return text.Length == 0 ? "(store)" : text.ToString();
    }
}
