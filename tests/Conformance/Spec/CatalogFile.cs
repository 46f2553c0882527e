using System.Reflection;
using System.Text.Json;
using Conformance.Tests.Support;

namespace Conformance.Tests.Spec;

/// <summary>A catalog under <c>spec/</c> as the tests read it, beside the rule IDs a constants class declares.</summary>
internal static class CatalogFile
{
    /// <summary>The entries of <c>spec/<paramref name="catalog"/>/rules.json</c>.</summary>
    public static List<JsonElement> Rules(string catalog)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "spec", catalog, "rules.json")));
        return [.. document.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.Clone())];
    }

    /// <summary>False for entries marked <c>"checked": false</c>, which no code need name.</summary>
    public static bool Checked(JsonElement rule) => !rule.TryGetProperty("checked", out JsonElement value) || value.GetBoolean();

    /// <summary>The string constants of <paramref name="rules"/>: the rule IDs code reports.</summary>
    public static IEnumerable<string> CodeIds(Type rules) => rules
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>
    /// The catalog's IDs are unique, and its checked rules are exactly the IDs the given
    /// constants classes declare: every rule code reports is catalogued, and every rule the
    /// catalog says is checked is reported by some code.
    /// </summary>
    public static void AssertMatchesCode(string catalog, params Type[] rules)
    {
        List<JsonElement> entries = Rules(catalog);
        Assert.That(entries.Select(r => r.GetProperty("id").GetString()), Is.Unique);
        Assert.That(entries.Where(Checked).Select(r => r.GetProperty("id").GetString()), Is.EquivalentTo(rules.SelectMany(CodeIds)));
    }
}
