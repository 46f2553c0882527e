using Conformance.Validator.Reports;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Reports;

/// <summary>The dispatcher hands each format to its writer.</summary>
public sealed class ReportWriterTests
{
    private static async Task<string> Direct(ReportFormat format, ValidationReport report)
    {
        using var output = new StringWriter();
        Task written = format switch
        {
            ReportFormat.Text => TextReportWriter.WriteAsync(report, RuleCatalog.Default, output),
            ReportFormat.Json => JsonReportWriter.WriteAsync(report, RuleCatalog.Default, output),
            ReportFormat.Sarif => SarifReportWriter.WriteAsync(report, RuleCatalog.Default, output),
            _ => JunitReportWriter.WriteAsync(report, RuleCatalog.Default, output),
        };
        await written;
        return output.ToString();
    }

    [Test]
    public async Task Every_format_is_written_by_its_own_writer([Values] ReportFormat format)
    {
        using var output = new StringWriter();
        await ReportWriter.WriteAsync(format, SampleReports.Mixed, RuleCatalog.Default, output);
        Assert.That(output.ToString(), Is.EqualTo(await Direct(format, SampleReports.Mixed)).And.EndWith("\n"));
    }

    [Test]
    public async Task An_unknown_format_is_refused()
    {
        using var output = new StringWriter();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ReportWriter.WriteAsync((ReportFormat)99, SampleReports.Clean, RuleCatalog.Default, output));
    }

    [Test]
    public void A_cancelled_write_stops()
    {
        using var output = new StringWriter();
        Assert.That(async () => await ReportWriter.WriteAsync(ReportFormat.Json, SampleReports.Mixed, RuleCatalog.Default, output, new CancellationToken(true)), Throws.InstanceOf<OperationCanceledException>());
    }
}
