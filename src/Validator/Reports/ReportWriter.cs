using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>Writes a validation report in the format asked for.</summary>
public static class ReportWriter
{
    public static Task WriteAsync(ReportFormat format, ValidationReport report, RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default) => format switch
    {
        ReportFormat.Text => TextReportWriter.WriteAsync(report, catalog, output, cancellationToken),
        ReportFormat.Json => JsonReportWriter.WriteAsync(report, catalog, output, cancellationToken),
        ReportFormat.Sarif => SarifReportWriter.WriteAsync(report, catalog, output, cancellationToken),
        ReportFormat.Junit => JunitReportWriter.WriteAsync(report, catalog, output, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
