using System.Globalization;
using System.Text;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>
/// The report for people. Findings are grouped under their store key (in the report's order),
/// one line each: severity, rule ID, where inside the value, message. A <c>rules</c> section then
/// gives each rule that fired once, with its level, section, summary and spec link, and the last
/// line counts the findings. Nothing in it depends on the clock or the machine.
/// </summary>
/// <example>
/// <code>
/// a/zarr.json
///   error   ZARR-META-002 #/zarr_format: zarr_format is 2
///
/// rules
///   ZARR-META-002 (must; Array metadata: zarr_format)
///     zarr_format is present and is the integer 3.
///     https://zarr-specs.readthedocs.io/en/latest/v3/core/index.html#array-metadata-zarr-format
///
/// checked 1 group, 1 array, 4 keys
/// 1 error, 0 warnings, 0 notes in data/a.zarr (profile strict)
/// </code>
/// </example>
public static class TextReportWriter
{
    private const string StoreGroup = "(store)";

    public static async Task WriteAsync(ValidationReport report, RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Format(report, catalog).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static string Format(ValidationReport report, RuleCatalog catalog)
    {
        // An explicit "\n" rather than AppendLine: golden files and pipes see the same bytes on every OS.
        var text = new StringBuilder();
        if (report.Diagnostics.Count == 0)
        {
            text.Append("no findings\n");
        }
        foreach (IGrouping<string, Diagnostic> group in report.Diagnostics.GroupBy(d => d.Location.Key ?? StoreGroup, StringComparer.Ordinal))
        {
            text.Append(group.Key).Append('\n');
            foreach (Diagnostic diagnostic in group)
            {
                text.Append("  ").Append(ReportTool.Word(diagnostic.Severity).PadRight(8)).Append(diagnostic.RuleId);
                if (ReportTool.Within(diagnostic.Location) is string within)
                {
                    text.Append(' ').Append(within);
                }
                text.Append(": ").Append(diagnostic.Message).Append('\n');
            }
            text.Append('\n');
        }
        IReadOnlyList<string> fired = ReportTool.FiredRuleIds(report);
        if (fired.Count > 0)
        {
            text.Append("rules\n");
            foreach (string id in fired)
            {
                if (catalog.Find(id) is Rule rule)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {id} ({rule.Level}; {rule.Section})\n");
                    text.Append("    ").Append(rule.Summary).Append('\n');
                    text.Append("    ").Append(rule.Link).Append('\n');
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {id} (not in the rule catalog)\n");
                }
            }
            text.Append('\n');
        }
        ValidationStatistics s = report.Statistics;
        text.Append(CultureInfo.InvariantCulture, $"checked {Count(s.Groups, "group")}, {Count(s.Arrays, "array")}, {Count(s.Keys, "key")}");
        if (report.Deep)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Count(s.ChunksChecked, "chunk")} ({Count(s.BytesChecked, "byte")}) decoded");
        }
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")} in {report.Target} (profile {ReportTool.Word(report.Profile)}{(report.Deep ? ", deep" : "")})\n");
        return text.ToString();
    }

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
