using System.Text.Json;

namespace Conformance.Validator.Suite;

/// <summary>
/// What an adapter says about itself (<c>ADAPTER info</c>, see spec/adapter-protocol.md): the
/// implementation's name, version and language, and the features it claims. Cases needing a
/// feature it does not claim are skipped, not failed.
/// </summary>
/// <param name="Name">The implementation's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Language">The language it is written in.</param>
/// <param name="Features">What it claims (spec/adapter-protocol.md, "Features").</param>
/// <param name="WriteFeatures">What it writes, when that is less than what it reads (<c>write_features</c>); null when the same.</param>
public sealed record AdapterInfo(string Name, string Version, string Language, IReadOnlySet<string> Features, IReadOnlySet<string>? WriteFeatures = null)
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
            HashSet<string>? List(string member, bool required)
            {
                if (!root.TryGetProperty(member, out JsonElement list))
                {
                    return required ? throw new FormatException($"\"{member}\" must be an array of strings") : null;
                }
                return list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(f => f.ValueKind == JsonValueKind.String)
                    ? list.EnumerateArray().Select(f => f.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : throw new FormatException($"\"{member}\" must be an array of strings");
            }
            return new AdapterInfo(Text("name"), Text("version"), Text("language"), List("features", true)!, List("write_features", false));
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

    /// <summary>What a write case needs that the adapter does not claim for writing: the role from <c>features</c>, the rest from <c>write_features</c> when given.</summary>
    public IEnumerable<string> MissingToWrite(IEnumerable<string> needed) =>
        needed.Where(f => !(f == "write" ? Features.Contains(f) : (WriteFeatures ?? Features).Contains(f)));
}
