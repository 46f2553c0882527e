using System.Xml.Linq;
using Conformance.Tests.Support;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Reports;

/// <summary>The JUnit report: a suite per key, a failure per error, and a passing case for a clean store.</summary>
public sealed class JunitReportWriterTests
{
    private static async Task<XElement> Junit(ValidationReport report) =>
        XDocument.Parse(await SampleReports.WriteAsync(ReportFormat.Junit, report)).Root!;

    private static int Count(XElement element, string attribute) => int.Parse(element.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task A_clean_report_is_one_passing_test()
    {
        XElement root = await Junit(SampleReports.Clean);
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((Count(root, "tests"), Count(root, "failures")), Is.EqualTo((1, 0)));
        XElement testCase = root.Descendants("testcase").Single();
        Assert.That(testCase.Attribute("name")!.Value, Is.EqualTo("zarr-v3 conformance"));
        Assert.That(testCase.Elements(), Is.Empty);
    }

    [Test]
    public async Task Errors_fail_and_other_findings_pass()
    {
        ValidationReport report = SampleReports.Mixed;
        XElement root = await Junit(report);
        Assert.That((Count(root, "tests"), Count(root, "failures"), Count(root, "errors")), Is.EqualTo((report.Diagnostics.Count, report.Errors, 0)));
        XElement[] failures = [.. root.Descendants("failure")];
        Assert.That(failures.Select(f => f.Attribute("type")!.Value), Is.EqualTo(report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.RuleId)));
        foreach (XElement failure in failures)
        {
            Assert.That(failure.Value, Does.Contain(RuleCatalog.Default.Find(failure.Attribute("type")!.Value)!.Link));
        }
        Assert.That(root.Descendants("system-out").Count(), Is.EqualTo(report.Warnings + report.Notes));
    }

    [Test]
    public async Task Each_key_is_a_suite_whose_counts_add_up()
    {
        XElement root = await Junit(SampleReports.Mixed);
        XElement[] suites = [.. root.Elements("testsuite")];
        Assert.That(suites.Select(s => s.Attribute("name")!.Value), Is.EqualTo(new[] { "(store)", "a/c/0/0", "a/c/1/0", "a/zarr.json", "b/zarr.json" }));
        foreach (XElement suite in suites)
        {
            Assert.That(Count(suite, "tests"), Is.EqualTo(suite.Elements("testcase").Count()));
            Assert.That(Count(suite, "failures"), Is.EqualTo(suite.Descendants("failure").Count()));
        }
        Assert.That(suites.Sum(s => Count(s, "tests")), Is.EqualTo(Count(root, "tests")));
    }

    [Test]
    public async Task The_output_matches_the_approved_file()
    {
        Approved.Verify(await SampleReports.WriteAsync(ReportFormat.Junit, SampleReports.Mixed), "junit-mixed");
    }
}
