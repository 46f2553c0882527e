using System.Text.Json;

namespace Conformance.Validator.Suite;

/// <summary>
/// What an adapter says about itself (<c>ADAPTER info</c>, see spec/adapter-protocol.md): the
/// implementation's name, version and language, and the features it claims. Cases needing a
/// feature it does not claim are skipped, not failed.
/// </summary>
public sealed record AdapterInfo(string Name, string Version, string Language, IReadOnlySet<string> Features)
{
    /// <summary>Parses the JSON object an adapter prints; a message names what is wrong with it.</summary>
    public static AdapterInfo Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            string Text(string member) => root.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new FormatException($"\"{member}\" must be a non-empty string");
            if (!root.TryGetProperty("features", out JsonElement features) || features.ValueKind != JsonValueKind.Array
                || features.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
            {
                throw new FormatException("\"features\" must be an array of strings");
            }
            return new AdapterInfo(Text("name"), Text("version"), Text("language"),
                features.EnumerateArray().Select(f => f.GetString()!).ToHashSet(StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new FormatException("not a JSON object: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("not a JSON object: " + e.Message, e);
        }
    }

    /// <summary>The features of <paramref name="needed"/> this adapter does not claim.</summary>
    public IEnumerable<string> Missing(IEnumerable<string> needed) => needed.Where(f => !Features.Contains(f));
}
