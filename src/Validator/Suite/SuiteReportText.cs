using System.Globalization;
using System.Text;

namespace Conformance.Validator.Suite;

/// <summary>
/// The readable report: every case that did not pass or skip, with why (diffs indented under it),
/// then one line of totals per implementation; and the writer × reader totals of a matrix.
/// </summary>
public static class SuiteReportText
{
    public static string Write(SuiteReport report)
    {
        var text = new StringBuilder();
        foreach ((string implementation, CaseResult result) in report.Results.Where(r => r.Result.Outcome is not (CaseOutcome.Pass or CaseOutcome.Skip)))
        {
            string who = report.Implementations.Count > 1 ? implementation + " " : "";
            text.Append(CultureInfo.InvariantCulture, $"{SuiteReportJson.Name(result.Outcome).ToUpperInvariant(),-6} {who}{result.Case.Id}\n");
            foreach (string line in result.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append("       ").Append(line).Append('\n');
            }
        }
        foreach (string problem in report.Problems)
        {
            text.Append("PROBLEM ").Append(problem).Append('\n');
        }
        foreach (AdapterInfo info in report.Implementations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{info.Name} {info.Version} ({info.Language}): ");
            text.Append(string.Join(", ", Enum.GetValues<CaseOutcome>().Select(o => $"{report.Count(info.Name, o)} {Label(o)}")));
            text.Append('\n');
        }
        foreach (IGrouping<(string Writer, string Reader), CrossResult> pair in report.Cross.GroupBy(c => (c.Writer, c.Reader)))
        {
            int run = pair.Count(c => c.Outcome != CaseOutcome.Skip);
            int passed = pair.Count(c => c.Outcome == CaseOutcome.Pass);
            text.Append(CultureInfo.InvariantCulture, $"written by {pair.Key.Writer}, read by {pair.Key.Reader}: {passed} of {run} read back\n");
        }
        return text.ToString();
    }

    private static string Label(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Pass => "passed",
        CaseOutcome.Fail => "failed",
        CaseOutcome.Error => "errors",
        CaseOutcome.Skip => "skipped",
        CaseOutcome.Known => "known deviations",
        CaseOutcome.Fixed => "fixed deviations",
        CaseOutcome.Stale => "stale deviations",
        _ => outcome.ToString(),
    };
}
