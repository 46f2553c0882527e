using Conformance.Validator.Validation;

namespace Conformance.Validator.Commands;

/// <summary><c>conformance rules</c>: the catalog as a table, one rule per line.</summary>
public static class RulesCommand
{
    public static async Task WriteAsync(RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        Rule[] rules = [.. catalog.Rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        int id = Math.Max(2, rules.Max(r => r.Id.Length));
        int level = "should".Length;
        await output.WriteLineAsync($"{"ID".PadRight(id)}  {"LEVEL".PadRight(level)}  SUMMARY".AsMemory(), cancellationToken);
        foreach (Rule rule in rules)
        {
            string ruled = rule.Ruling is null ? "" : " (ruled)";
            await output.WriteLineAsync($"{rule.Id.PadRight(id)}  {rule.Level.PadRight(level)}  {rule.Summary}{ruled}".AsMemory(), cancellationToken);
        }
        await output.WriteLineAsync($"{rules.Length} rules; `conformance explain ID` shows one in full".AsMemory(), cancellationToken);
    }
}
