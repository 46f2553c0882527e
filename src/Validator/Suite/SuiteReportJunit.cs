using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Conformance.Validator.Reports;

namespace Conformance.Validator.Suite;

/// <summary>
/// The suite report as JUnit XML: one <c>testsuite</c> per implementation and case kind, one
/// <c>testcase</c> per case named by its ID. A failure, a fixed or a stale deviation is a
/// <c>failure</c>; a crash or time-out an <c>error</c>; a skipped case and a known deviation are
/// <c>skipped</c> with the reason, so a CI test view shows them without failing the build.
/// Times are those measured; writer × reader results form one more suite per pair.
/// </summary>
public static class SuiteReportJunit
{
    public static string Write(SuiteReport report)
    {
        var suites = new List<XElement>();
        foreach (IGrouping<(string Implementation, SuiteCaseKind Kind), (string Implementation, CaseResult Result)> group in report.Results.GroupBy(r => (r.Implementation, r.Result.Case.Kind)))
        {
            suites.Add(Suite($"{group.Key.Implementation} {SuiteCase.KindName(group.Key.Kind)}",
                [.. group.Select(r => TestCase(r.Result.Case.Id, $"{group.Key.Implementation}.{r.Result.Case.Area}", r.Result.Outcome, r.Result.Message, r.Result.Elapsed))]));
        }
        foreach (IGrouping<(string Writer, string Reader), CrossResult> pair in report.Cross.GroupBy(c => (c.Writer, c.Reader)))
        {
            suites.Add(Suite($"written by {pair.Key.Writer}, read by {pair.Key.Reader}",
                [.. pair.Select(c => TestCase(c.Case.Folder, $"{c.Writer}-{c.Reader}.{c.Case.Area}", c.Outcome, c.Message, TimeSpan.Zero))]));
        }
        if (report.Problems.Count > 0)
        {
            suites.Add(Suite("run", [.. report.Problems.Select(p => TestCase(p, "run", CaseOutcome.Fail, p, TimeSpan.Zero))]));
        }
        IEnumerable<XElement> cases = suites.SelectMany(s => s.Elements("testcase"));
        var root = new XElement("testsuites",
            new XAttribute("name", "conformance suite"),
            new XAttribute("tests", Number(cases.Count())),
            new XAttribute("failures", Number(cases.Count(c => c.Element("failure") is not null))),
            new XAttribute("errors", Number(cases.Count(c => c.Element("error") is not null))),
            new XAttribute("skipped", Number(cases.Count(c => c.Element("skipped") is not null))),
            suites);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n" }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(xml);
        }
        return text.Append('\n').ToString();
    }

    private static XElement Suite(string name, XElement[] cases) => new("testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", Number(cases.Length)),
        new XAttribute("failures", Number(cases.Count(c => c.Element("failure") is not null))),
        new XAttribute("errors", Number(cases.Count(c => c.Element("error") is not null))),
        new XAttribute("skipped", Number(cases.Count(c => c.Element("skipped") is not null))),
        cases);

    private static XElement TestCase(string name, string className, CaseOutcome outcome, string message, TimeSpan elapsed)
    {
        var element = new XElement("testcase",
            new XAttribute("name", name),
            new XAttribute("classname", className),
            new XAttribute("time", elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        string first = message.Split('\n')[0];
        switch (outcome)
        {
            case CaseOutcome.Fail or CaseOutcome.Fixed or CaseOutcome.Stale:
                element.Add(new XElement("failure", new XAttribute("type", SuiteReportJson.Name(outcome)), new XAttribute("message", first), message));
                break;
            case CaseOutcome.Error:
                element.Add(new XElement("error", new XAttribute("message", first), message));
                break;
            case CaseOutcome.Skip or CaseOutcome.Known:
                element.Add(new XElement("skipped", new XAttribute("message", outcome == CaseOutcome.Known ? message : first)));
                break;
        }
        return element;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
