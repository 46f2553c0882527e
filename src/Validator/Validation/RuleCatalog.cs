using System.Reflection;
using System.Text.Json;

namespace Conformance.Validator.Validation;

/// <summary>The rules of every catalog under <c>spec/</c>, embedded in this assembly, by ID.</summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, Rule> _rules;

    private RuleCatalog(IEnumerable<Rule> rules)
    {
        _rules = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static RuleCatalog Default { get; } = Load();

    public IReadOnlyCollection<Rule> Rules => _rules.Values;

    public Rule? Find(string id) => _rules.GetValueOrDefault(id);

    /// <summary>Parses one catalog file: an object whose <c>rules</c> array holds the rules.</summary>
    public static IEnumerable<Rule> Parse(Stream json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonElement rule in document.RootElement.GetProperty("rules").EnumerateArray())
        {
            yield return new Rule(
                rule.GetProperty("id").GetString()!,
                rule.GetProperty("level").GetString()!,
                rule.GetProperty("section").GetString()!,
                rule.GetProperty("binds").GetString()!,
                rule.GetProperty("link").GetString()!,
                rule.GetProperty("summary").GetString()!)
            {
                Ruling = rule.TryGetProperty("ruling", out JsonElement ruling) ? ruling.GetString() : null,
                Interoperability = rule.TryGetProperty("interoperability", out JsonElement interop) && interop.GetBoolean(),
                Checked = !rule.TryGetProperty("checked", out JsonElement isChecked) || isChecked.GetBoolean(),
                FixedSeverity = rule.TryGetProperty("severity", out JsonElement severity)
                    ? Enum.Parse<Severity>(severity.GetString()!, ignoreCase: true)
                    : null,
            };
        }
    }

    private static RuleCatalog Load()
    {
        Assembly assembly = typeof(RuleCatalog).Assembly;
        var rules = new List<Rule>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("catalog/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            rules.AddRange(Parse(stream).ToList());
        }
        return new RuleCatalog(rules);
    }
}
