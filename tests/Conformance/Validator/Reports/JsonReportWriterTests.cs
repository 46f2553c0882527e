using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Tests.Support;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;
using Json.Schema;

namespace Conformance.Tests.Validator.Reports;

/// <summary>The JSON report is what <c>spec/report.schema.json</c> says it is, and the schema can tell a broken one.</summary>
public sealed class JsonReportWriterTests
{
    /// <summary>The committed schema, built once: the schema registry refuses a second build of the same $id.</summary>
    internal static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "report.schema.json"))));

    private static EvaluationResults Evaluate(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) => JsonSerializer.Serialize(results);

    [Test]
    public async Task Reports_validate_against_the_committed_schema()
    {
        foreach (ValidationReport report in new[] { SampleReports.Clean, SampleReports.Mixed })
        {
            EvaluationResults results = Evaluate(await SampleReports.WriteAsync(ReportFormat.Json, report));
            Assert.That(results.IsValid, Is.True, Describe(results));
        }
    }

    [Test]
    public async Task A_rule_missing_from_the_catalog_still_validates()
    {
        ValidationReport report = SampleReports.Clean with
        {
            Diagnostics = [new Diagnostic("ZARR-TEST-999", Severity.Note, new DiagnosticLocation(), "made up")],
        };
        string json = await SampleReports.WriteAsync(ReportFormat.Json, report);
        EvaluationResults results = Evaluate(json);
        Assert.That(results.IsValid, Is.True, Describe(results));
        JsonNode diagnostic = JsonNode.Parse(json)!["diagnostics"]![0]!;
        Assert.That((diagnostic["level"], diagnostic["link"]), Is.EqualTo(((JsonNode?)null, (JsonNode?)null)));
    }

    [TestCase("severity", "fatal")]
    [TestCase("level", "shall")]
    [TestCase("rule", "not an id")]
    public async Task The_schema_refuses_a_broken_diagnostic(string property, string value)
    {
        JsonNode report = JsonNode.Parse(await SampleReports.WriteAsync(ReportFormat.Json, SampleReports.Mixed))!;
        report["diagnostics"]![1]![property] = value;
        Assert.That(Evaluate(report.ToJsonString()).IsValid, Is.False);
    }

    [Test]
    public async Task The_schema_refuses_a_missing_or_unknown_member()
    {
        JsonNode missing = JsonNode.Parse(await SampleReports.WriteAsync(ReportFormat.Json, SampleReports.Mixed))!;
        missing["statistics"]!.AsObject().Remove("chunks_checked");
        JsonNode extra = JsonNode.Parse(await SampleReports.WriteAsync(ReportFormat.Json, SampleReports.Mixed))!;
        extra["diagnostics"]![0]!["location"]!["line"] = 3;
        Assert.That((Evaluate(missing.ToJsonString()).IsValid, Evaluate(extra.ToJsonString()).IsValid), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task Values_come_from_the_report_and_the_catalog()
    {
        JsonNode report = JsonNode.Parse(await SampleReports.WriteAsync(ReportFormat.Json, SampleReports.Mixed))!;
        Assert.That(report["summary"]!.ToJsonString(), Is.EqualTo("""{"errors":4,"warnings":2,"notes":1,"passed":false}"""));
        Assert.That(report["statistics"]!["bytes_checked"]!.GetValue<long>(), Is.EqualTo(12288));
        JsonNode crc = report["diagnostics"]![1]!;
        Assert.That(crc["rule"]!.GetValue<string>(), Is.EqualTo("ZARR-CODEC-CRC32C-002"));
        Assert.That(crc["level"]!.GetValue<string>(), Is.EqualTo("must"));
        Assert.That(crc["link"]!.GetValue<string>(), Is.EqualTo(RuleCatalog.Default.Find("ZARR-CODEC-CRC32C-002")!.Link));
        Assert.That(crc["location"]!.ToJsonString(), Is.EqualTo("""{"key":"a/c/0/0","pointer":null,"chunk":[0,0],"byte_start":4092,"byte_length":4}"""));
    }

    [Test]
    public async Task The_output_matches_the_approved_file()
    {
        Approved.Verify(await SampleReports.WriteAsync(ReportFormat.Json, SampleReports.Mixed), "json-mixed");
    }
}
