using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// Typed, strict access to an extension's configuration object: every read names the rule to
/// report, and <see cref="RejectUnknown"/> refuses members the extension does not define.
/// </summary>
public readonly struct Configuration
{
    private readonly JsonObject? _object;

    public Configuration(ExtensionObject extension, string location, string rule)
    {
        _object = extension.Configuration;
        Location = location + "/configuration";
        Rule = rule;
        Name = extension.Name;
    }

    public string Location { get; }

    public string Rule { get; }

    public string Name { get; }

    public bool Has(string member) => _object?.ContainsKey(member) == true;

    public void RejectUnknown(params ReadOnlySpan<string> known)
    {
        if (_object is null)
        {
            return;
        }
        foreach (KeyValuePair<string, JsonNode?> member in _object)
        {
            if (!known.Contains(member.Key))
            {
                throw Fail(member.Key, $"{Name} has no configuration member '{member.Key}'");
            }
        }
    }

    public long? GetInteger(string member, bool required)
    {
        JsonElement? value = Get(member, required);
        if (value is null)
        {
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt64(out long result) || !JsonNumbers.IsPlainInteger(value.Value))
        {
            throw Fail(member, $"{Name} {member} must be an integer");
        }
        return result;
    }

    public bool? GetBoolean(string member, bool required)
    {
        JsonElement? value = Get(member, required);
        if (value is null)
        {
            return null;
        }
        return value.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(member, $"{Name} {member} must be a boolean"),
        };
    }

    public string? GetString(string member, bool required)
    {
        JsonElement? value = Get(member, required);
        if (value is null)
        {
            return null;
        }
        return value.Value.ValueKind == JsonValueKind.String
            ? value.Value.GetString()
            : throw Fail(member, $"{Name} {member} must be a string");
    }

    public long[]? GetIntegerArray(string member, bool required)
    {
        JsonElement? value = Get(member, required);
        if (value is null)
        {
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw Fail(member, $"{Name} {member} must be an array of integers");
        }
        long[] result = new long[value.Value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !JsonNumbers.IsPlainInteger(item) || !item.TryGetInt64(out result[i]))
            {
                throw Fail($"{member}/{i}", $"{Name} {member} must be an array of integers");
            }
            i++;
        }
        return result;
    }

    public ConformanceException Fail(string member, string message) =>
        new(Rule, Location + "/" + member, message);

    private JsonElement? Get(string member, bool required)
    {
        if (_object is not null && _object.TryGetPropertyValue(member, out JsonNode? node) && node is not null)
        {
            return node.Deserialize<JsonElement>();
        }
        if (_object is not null && _object.ContainsKey(member))
        {
            throw Fail(member, $"{Name} {member} must not be null");
        }
        return required ? throw Fail(member, $"{Name} needs configuration member '{member}'") : null;
    }
}
