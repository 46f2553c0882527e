using Conformance.Tests.Support;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Reports;

/// <summary>The text report: findings under their key, each rule's link once, a closing count.</summary>
public sealed class TextReportWriterTests
{
    [Test]
    public async Task A_clean_report_says_so_and_counts_nothing()
    {
        string text = await SampleReports.WriteAsync(ReportFormat.Text, SampleReports.Clean);
        Approved.Verify(text, "text-clean");
        Assert.That(text, Does.EndWith("0 errors, 0 warnings, 0 notes in data/clean.zarr (profile strict)\n"));
    }

    [Test]
    public async Task Findings_are_grouped_by_key_and_every_rule_has_its_link()
    {
        string text = await SampleReports.WriteAsync(ReportFormat.Text, SampleReports.Mixed);
        Approved.Verify(text, "text-mixed");
        foreach (Diagnostic diagnostic in SampleReports.Mixed.Diagnostics)
        {
            Assert.That(text, Does.Contain(RuleCatalog.Default.Find(diagnostic.RuleId)!.Link), diagnostic.RuleId);
        }
        Assert.That(text, Does.EndWith("4 errors, 2 warnings, 1 note in data/mixed.zarr (profile interoperable, deep)\n"));
    }

    [Test]
    public async Task The_output_is_the_same_every_time()
    {
        string first = await SampleReports.WriteAsync(ReportFormat.Text, SampleReports.Mixed);
        string second = await SampleReports.WriteAsync(ReportFormat.Text, SampleReports.Mixed);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task A_rule_missing_from_the_catalog_is_named_not_dropped()
    {
        ValidationReport report = SampleReports.Clean with
        {
            Diagnostics = [new Diagnostic("ZARR-TEST-999", Severity.Error, new DiagnosticLocation("zarr.json"), "made up")],
        };
        string text = await SampleReports.WriteAsync(ReportFormat.Text, report);
        Assert.That(text, Does.Contain("ZARR-TEST-999 (not in the rule catalog)"));
    }
}
