using System.Globalization;
using System.Text;

namespace Conformance.Validator.Suite;

/// <summary>
/// The suite report as Markdown, for a pull request or a wiki page: totals per implementation,
/// a writer × reader table, then one table per area with a row per case and a column per
/// implementation; reasons for what did not pass follow as a list.
/// </summary>
public static class SuiteReportMarkdown
{
    public static string Write(SuiteReport report)
    {
        var text = new StringBuilder("# Conformance suite\n\n| implementation | version | language | passed | failed | errors | skipped | known |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (AdapterInfo info in report.Implementations)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {info.Name} | {info.Version} | {info.Language} | {report.Count(info.Name, CaseOutcome.Pass)} | {report.Count(info.Name, CaseOutcome.Fail) + report.Count(info.Name, CaseOutcome.Fixed) + report.Count(info.Name, CaseOutcome.Stale)} | {report.Count(info.Name, CaseOutcome.Error)} | {report.Count(info.Name, CaseOutcome.Skip)} | {report.Count(info.Name, CaseOutcome.Known)} |\n");
        }
        if (report.Cross.Count > 0)
        {
            string[] readers = [.. report.Cross.Select(c => c.Reader).Distinct()];
            text.Append("\n## Written by (rows), read by (columns)\n\n| writer | ").Append(string.Join(" | ", readers)).Append(" |\n| --- |").Append(string.Concat(readers.Select(_ => " --- |"))).Append('\n');
            foreach (IGrouping<string, CrossResult> writer in report.Cross.GroupBy(c => c.Writer))
            {
                text.Append("| ").Append(writer.Key).Append(" |");
                foreach (string reader in readers)
                {
                    CrossResult[] cells = [.. writer.Where(c => c.Reader == reader && c.Outcome != CaseOutcome.Skip)];
                    text.Append(CultureInfo.InvariantCulture, $" {cells.Count(c => c.Outcome == CaseOutcome.Pass)}/{cells.Length} |");
                }
                text.Append('\n');
            }
        }
        string[] names = [.. report.Implementations.Select(i => i.Name)];
        var outcomes = report.Results.ToDictionary(r => (r.Implementation, r.Result.Case.Id), r => r.Result);
        foreach (IGrouping<string, SuiteCase> area in report.Cases.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("\n## ").Append(area.Key).Append("\n\n| case | ").Append(string.Join(" | ", names)).Append(" |\n| --- |").Append(string.Concat(names.Select(_ => " --- |"))).Append('\n');
            foreach (SuiteCase c in area)
            {
                text.Append("| `").Append(c.Id).Append("` |");
                foreach (string name in names)
                {
                    text.Append(' ').Append(outcomes.TryGetValue((name, c.Id), out CaseResult? result) ? SuiteReportJson.Name(result.Outcome) : "-").Append(" |");
                }
                text.Append('\n');
            }
        }
        (string Implementation, CaseResult Result)[] notes = [.. report.Results.Where(r => r.Result.Outcome is not (CaseOutcome.Pass or CaseOutcome.Skip))];
        if (notes.Length > 0 || report.Problems.Count > 0)
        {
            text.Append("\n## Why\n\n");
            foreach ((string implementation, CaseResult result) in notes)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {implementation}, `{result.Case.Id}` ({SuiteReportJson.Name(result.Outcome)}):\n\n  ```\n");
                foreach (string line in result.Message.Split('\n'))
                {
                    text.Append("  ").Append(line.Replace("```", "'''", StringComparison.Ordinal)).Append('\n');
                }
                text.Append("  ```\n");
            }
            foreach (string problem in report.Problems)
            {
                text.Append("- ").Append(problem).Append('\n');
            }
        }
        return text.ToString();
    }
}
