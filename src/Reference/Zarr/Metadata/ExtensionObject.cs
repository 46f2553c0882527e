using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// An extension definition (core spec, "Extension definition"): an object with a
/// <c>name</c>, an optional <c>configuration</c> object and an optional <c>must_understand</c>,
/// or the short-hand name alone.
/// </summary>
public sealed partial class ExtensionObject
{
    public ExtensionObject(string name, JsonObject? configuration = null, bool mustUnderstand = true, bool shortHand = false)
    {
        Name = name;
        Configuration = configuration;
        MustUnderstand = mustUnderstand;
        ShortHand = shortHand && configuration is null && mustUnderstand;
    }

    public string Name { get; }

    /// <summary>The configuration object, or null when absent.</summary>
    public JsonObject? Configuration { get; }

    /// <summary>False only when the document said <c>"must_understand": false</c>.</summary>
    public bool MustUnderstand { get; }

    /// <summary>Whether the document used the short-hand name form.</summary>
    public bool ShortHand { get; }

    /// <summary>
    /// Parses an extension definition. <paramref name="location"/> names the store key and
    /// member, for diagnostics.
    /// </summary>
    public static ExtensionObject Parse(JsonElement element, string location)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            string shortName = element.GetString()!;
            CheckName(shortName, location);
            return new ExtensionObject(shortName, shortHand: true);
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceException(ZarrRules.ExtensionDefinition, location, $"an extension must be a name or an object, not {element.ValueKind}");
        }
        string? name = null;
        JsonObject? configuration = null;
        bool mustUnderstand = true;
        foreach (JsonProperty member in element.EnumerateObject())
        {
            switch (member.Name)
            {
                case "name":
                    if (member.Value.ValueKind != JsonValueKind.String)
                    {
                        throw new ConformanceException(ZarrRules.ExtensionDefinition, location + "/name", "name must be a string");
                    }
                    name = member.Value.GetString()!;
                    break;
                case "configuration":
                    if (member.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw new ConformanceException(ZarrRules.ExtensionDefinition, location + "/configuration", "configuration must be an object");
                    }
                    configuration = JsonObject.Create(member.Value.Clone());
                    break;
                case "must_understand":
                    if (member.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw new ConformanceException(ZarrRules.ExtensionDefinition, location + "/must_understand", "must_understand must be a boolean");
                    }
                    mustUnderstand = member.Value.GetBoolean();
                    break;
                default:
                    throw new ConformanceException(ZarrRules.ExtensionDefinition, location + "/" + member.Name, $"an extension object has only name, configuration and must_understand, not '{member.Name}'");
            }
        }
        if (name is null)
        {
            throw new ConformanceException(ZarrRules.ExtensionDefinition, location, "an extension object needs a name");
        }
        CheckName(name, location + "/name");
        return new ExtensionObject(name, configuration, mustUnderstand);
    }

    /// <summary>
    /// Core spec, "Extension naming": registered names match <c>^[a-z][a-z0-9-_.]+$</c>; URI
    /// names of older extensions are still permitted.
    /// </summary>
    public static bool IsConformingName(string name) => RegisteredName().IsMatch(name) || IsUriName(name);

    // The spec shows "urn:example:datetime" as a valid URI name and "foo:bar" as an invalid
    // name; only the schemes that earlier extensions used are taken as URIs.
    private static bool IsUriName(string name) =>
        Uri.TryCreate(name, UriKind.Absolute, out Uri? uri)
        && uri.Scheme is "urn" or "http" or "https"
        && !name.Any(char.IsWhiteSpace);

    private static void CheckName(string name, string location)
    {
        if (!IsConformingName(name))
        {
            throw new ConformanceException(ZarrRules.ExtensionName, location, $"'{name}' is neither a registered-style name nor a URI");
        }
    }

    /// <summary>Writes the short-hand form when nothing but the name needs saying.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (ShortHand)
        {
            writer.WriteStringValue(Name);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (Configuration is not null)
        {
            writer.WritePropertyName("configuration");
            Configuration.WriteTo(writer);
        }
        if (!MustUnderstand)
        {
            writer.WriteBoolean("must_understand", false);
        }
        writer.WriteEndObject();
    }

    /// <summary>The definition as a JSON node, for extensions that nest definitions in their configuration.</summary>
    public JsonNode ToJson()
    {
        if (ShortHand)
        {
            return JsonValue.Create(Name);
        }
        var node = new JsonObject { ["name"] = Name };
        if (Configuration is not null)
        {
            node["configuration"] = Configuration.DeepClone();
        }
        if (!MustUnderstand)
        {
            node["must_understand"] = false;
        }
        return node;
    }

    public override string ToString() => Configuration is null || Configuration.Count == 0
        ? Name
        : $"{Name}({string.Join(", ", Configuration.Select(p => $"{p.Key}={p.Value?.ToJsonString()}"))})";

    [GeneratedRegex("^[a-z][a-z0-9\\-_.]+$")]
    private static partial Regex RegisteredName();
}
