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
    /// Parses a metadata document, refusing invalid JSON, strings with unpaired surrogate
    /// escapes (no Unicode text has them), and (RFC 8259 says names SHOULD be unique; we hold
    /// metadata to it) duplicate member names.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string location)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e) when (NestingDepth(json.Span) > DocumentOptions.MaxDepth)
        {
            throw new ConformanceException(ZarrRules.MetadataTooLarge, location, $"metadata nests deeper than the {DocumentOptions.MaxDepth} levels we read", Outcome.Unsupported, e);
        }
        catch (JsonException e)
        {
            throw new ConformanceException(ZarrRules.MetadataJson, location, "not valid JSON: " + e.Message, inner: e);
        }
        try
        {
            CheckMembers(document.RootElement, location + "#");
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    private static void CheckMembers(JsonElement element, string location)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckText(element, location);
                break;
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    string at = location + "/" + JsonPointer.Escape(NameOf(member, location));
                    if (!names.Add(member.Name))
                    {
                        throw new ConformanceException(ZarrRules.DuplicateMember, at, $"member '{member.Name}' appears more than once");
                    }
                    CheckMembers(member.Value, at);
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CheckMembers(item, location + "/" + i++);
                }
                break;
        }
    }

    private static void CheckText(JsonElement element, string location)
    {
        try
        {
            element.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new ConformanceException(ZarrRules.MetadataJson, location, "string holds an unpaired surrogate escape, which is not Unicode text", inner: e);
        }
    }

    private static string NameOf(JsonProperty member, string location)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new ConformanceException(ZarrRules.MetadataJson, location, "a member name holds an unpaired surrogate escape, which is not Unicode text", inner: e);
        }
    }

    /// <summary>Deepest bracket nesting outside strings, to tell "too deep for us" from "not JSON".</summary>
    private static int NestingDepth(ReadOnlySpan<byte> json)
    {
        int depth = 0;
        int deepest = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
                continue;
            }
            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'[' or (byte)'{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
            }
        }
        return deepest;
    }
}
