using System.Text.Json;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>
/// The report for scripts: one JSON object in the shape of <c>spec/report.schema.json</c>, with
/// snake_case names, every field present (null when a location part or a rule's catalog entry is
/// absent), and the findings in the report's order.
/// </summary>
public static class JsonReportWriter
{
    public static Task WriteAsync(ValidationReport report, RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        return ReportJson.WriteAsync(output, writer => Write(writer, report, catalog), cancellationToken);
    }

    private static void Write(Utf8JsonWriter writer, ValidationReport report, RuleCatalog catalog)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteString("name", ReportTool.Name);
        writer.WriteString("version", ReportTool.Version);
        writer.WriteEndObject();
        writer.WriteString("target", report.Target);
        writer.WriteString("profile", ReportTool.Word(report.Profile));
        writer.WriteBoolean("deep", report.Deep);

        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", report.Errors);
        writer.WriteNumber("warnings", report.Warnings);
        writer.WriteNumber("notes", report.Notes);
        writer.WriteBoolean("passed", report.Passed);
        writer.WriteEndObject();

        ValidationStatistics statistics = report.Statistics;
        writer.WriteStartObject("statistics");
        writer.WriteNumber("groups", statistics.Groups);
        writer.WriteNumber("arrays", statistics.Arrays);
        writer.WriteNumber("keys", statistics.Keys);
        writer.WriteNumber("chunks_checked", statistics.ChunksChecked);
        writer.WriteNumber("bytes_checked", statistics.BytesChecked);
        writer.WriteEndObject();

        writer.WriteStartArray("diagnostics");
        foreach (Diagnostic diagnostic in report.Diagnostics)
        {
            Rule? rule = catalog.Find(diagnostic.RuleId);
            writer.WriteStartObject();
            writer.WriteString("rule", diagnostic.RuleId);
            writer.WriteString("severity", ReportTool.Word(diagnostic.Severity));
            ReportJson.WriteNullableString(writer, "level", rule?.Level);
            writer.WriteString("message", diagnostic.Message);
            ReportJson.WriteNullableString(writer, "link", rule?.Link);
            WriteLocation(writer, diagnostic.Location);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, DiagnosticLocation location)
    {
        writer.WriteStartObject("location");
        ReportJson.WriteLocationMembers(writer, location, "byte_start", "byte_length");
        writer.WriteEndObject();
    }
}
