using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>
/// The report as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins,
/// Azure Pipelines) render as test results.
/// </summary>
/// <remarks>
/// The mapping, chosen so that a CI run fails on exactly the findings that fail validation:
/// <list type="bullet">
/// <item><c>&lt;testsuites name="conformance"&gt;</c> carries the totals: <c>tests</c> (test cases),
/// <c>failures</c> (errors), <c>errors</c> (always 0: a tool fault never produces a report) and
/// <c>skipped</c> (always 0).</item>
/// <item>One <c>&lt;testsuite&gt;</c> per store key, named by the key (<c>(store)</c> for findings
/// about the store as a whole), in the report's order, with a <c>properties</c> block naming
/// target, profile and depth.</item>
/// <item>One <c>&lt;testcase&gt;</c> per finding, named <c>RULE-ID at location</c>, with the target
/// as <c>classname</c>. An error holds a <c>&lt;failure type="RULE-ID" message="…"&gt;</c> whose
/// text gives location, rule summary and spec link. A warning or note passes and says the same
/// in <c>&lt;system-out&gt;</c>: it is information, not a failed check (<c>skipped</c> would claim
/// the check did not run).</item>
/// <item>A report with no findings is one suite, <c>zarr-v3 conformance</c>, with one passing
/// test case of that name, so a clean run shows as one green test rather than none.</item>
/// </list>
/// Every <c>time</c> is 0: the report does not time the run, and the file stays deterministic.
/// </remarks>
public static class JunitReportWriter
{
    private const string StoreGroup = "(store)";

    public static async Task WriteAsync(ValidationReport report, RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        XDocument document = Build(report, catalog);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), settings))
        {
            document.Save(xml);
        }
        text.Append('\n');
        await output.WriteAsync(text.ToString().AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static XDocument Build(ValidationReport report, RuleCatalog catalog)
    {
        var suites = new List<XElement>();
        if (report.Diagnostics.Count == 0)
        {
            suites.Add(Suite(ReportTool.SuiteName, report, [new XElement("testcase",
                new XAttribute("name", ReportTool.SuiteName),
                new XAttribute("classname", report.Target),
                new XAttribute("time", "0"))]));
        }
        foreach (IGrouping<string, Diagnostic> group in report.Diagnostics.GroupBy(d => d.Location.Key ?? StoreGroup, StringComparer.Ordinal))
        {
            suites.Add(Suite(group.Key, report, [.. group.Select(d => TestCase(d, report, catalog.Find(d.RuleId)))]));
        }
        var root = new XElement("testsuites",
            new XAttribute("name", ReportTool.Name),
            new XAttribute("tests", Number(suites.Sum(s => s.Elements("testcase").Count()))),
            new XAttribute("failures", Number(report.Errors)),
            new XAttribute("errors", "0"),
            new XAttribute("skipped", "0"),
            new XAttribute("time", "0"),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Suite(string name, ValidationReport report, IReadOnlyList<XElement> cases) => new("testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", Number(cases.Count)),
        new XAttribute("failures", Number(cases.Count(c => c.Element("failure") is not null))),
        new XAttribute("errors", "0"),
        new XAttribute("skipped", "0"),
        new XAttribute("time", "0"),
        new XElement("properties",
            Property("target", report.Target),
            Property("profile", ReportTool.Word(report.Profile)),
            Property("deep", report.Deep ? "true" : "false"),
            Property("tool", ReportTool.Name + " " + ReportTool.Version)),
        cases);

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XElement TestCase(Diagnostic diagnostic, ValidationReport report, Rule? rule)
    {
        string where = diagnostic.Location.ToString();
        var testCase = new XElement("testcase",
            new XAttribute("name", diagnostic.RuleId + " at " + where),
            new XAttribute("classname", report.Target),
            new XAttribute("time", "0"));
        var details = new StringBuilder();
        details.Append(ReportTool.Word(diagnostic.Severity)).Append(' ').Append(diagnostic.RuleId).Append(" at ").Append(where).Append(": ").Append(diagnostic.Message).Append('\n');
        if (rule is null)
        {
            details.Append(diagnostic.RuleId).Append(" is not in the rule catalog\n");
        }
        else
        {
            details.Append(rule.Summary).Append(" (").Append(rule.Level).Append("; ").Append(rule.Section).Append(")\n");
            details.Append(rule.Link).Append('\n');
        }
        if (diagnostic.Severity == Severity.Error)
        {
            testCase.Add(new XElement("failure",
                new XAttribute("type", diagnostic.RuleId),
                new XAttribute("message", diagnostic.Message),
                details.ToString()));
        }
        else
        {
            testCase.Add(new XElement("system-out", details.ToString()));
        }
        return testCase;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
