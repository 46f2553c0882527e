using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>JSON settings shared by metadata readers and writers.</summary>
public static class MetadataJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Parses a metadata document, refusing invalid JSON and (RFC 8259 says names SHOULD be
    /// unique; we hold metadata to it) duplicate member names.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string location)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ConformanceException(ZarrRules.MetadataJson, location, "not valid JSON: " + e.Message, inner: e);
        }
        try
        {
            CheckDuplicates(document.RootElement, location + "#");
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    private static void CheckDuplicates(JsonElement element, string location)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    string at = location + "/" + JsonPointer.Escape(member.Name);
                    if (!names.Add(member.Name))
                    {
                        throw new ConformanceException(ZarrRules.DuplicateMember, at, $"member '{member.Name}' appears more than once");
                    }
                    CheckDuplicates(member.Value, at);
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CheckDuplicates(item, location + "/" + i++);
                }
                break;
        }
    }
}
