using System.Text.Json;
using System.Xml.Linq;
using Conformance.Tests.Support;
using Conformance.Tests.Validator.Reports;
using Conformance.Validator;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.Gifti;
using Json.Schema;

namespace Conformance.Tests.Validator.Validation.Gifti;

/// <summary>A GIFTI report in every format, and <c>conformance validate file.gii</c> with its exit codes.</summary>
public sealed class GiftiReportTests
{
    private static async Task<string> WriteAsync(ReportFormat format, string relative)
    {
        ValidationReport report = await new GiftiValidator().ValidateAsync(GiftiTestFiles.Fixture(relative), new ValidationOptions());
        using var output = new StringWriter();
        await ReportWriter.WriteAsync(format, report, RuleCatalog.Default, output);
        return output.ToString();
    }

    [Test]
    public async Task Every_format_names_the_gifti_rule([Values] ReportFormat format)
    {
        string text = await WriteAsync(format, "invalid/geometry/triangle-index-out-of-range");
        Assert.That(text, Does.Contain("GIFTI-GEOM-001"));
        Assert.That(text, Does.Contain("/GIFTI/DataArray[2]"));
    }

    [TestCase("invalid/geometry/triangle-index-out-of-range")]
    [TestCase("valid/data/gzip-member")]
    [TestCase("valid/surface/ascii")]
    public async Task The_json_report_meets_the_report_schema(string relative)
    {
        string json = await WriteAsync(ReportFormat.Json, relative);
        using JsonDocument document = JsonDocument.Parse(json);
        EvaluationResults results = JsonReportWriterTests.Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(results.IsValid, Is.True, JsonSerializer.Serialize(results));
    }

    [Test]
    public async Task Sarif_and_junit_carry_the_rule_as_their_type()
    {
        using JsonDocument sarif = JsonDocument.Parse(await WriteAsync(ReportFormat.Sarif, "invalid/data/zlib-corrupt"));
        Assert.That(sarif.RootElement.ToString(), Does.Contain("GIFTI-DATA-003"));
        XElement failure = XDocument.Parse(await WriteAsync(ReportFormat.Junit, "invalid/data/zlib-corrupt")).Descendants("failure").Single();
        Assert.That(failure.Attribute("type")!.Value, Is.EqualTo("GIFTI-DATA-003"));
    }

    [Test]
    public async Task Validate_exits_0_for_a_sound_file_1_for_a_broken_one_and_2_for_a_missing_one()
    {
        (int code, string output, string error) = await CliRun.RunAsync("validate", GiftiTestFiles.Fixture("valid/surface/gzip-base64-big-endian"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        (code, _, error) = await CliRun.RunAsync("validate", GiftiTestFiles.Fixture("valid/geometry/nan-coordinate"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")), "a warning does not fail the run");
        (code, output, _) = await CliRun.RunAsync("validate", GiftiTestFiles.Fixture("invalid/labels/colour-above-one"));
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(output, Does.Contain("error   GIFTI-LABEL-002"));
        (code, output, _) = await CliRun.RunAsync("validate", GiftiTestFiles.Fixture("invalid/labels/colour-above-one"), "--format", "json");
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(JsonDocument.Parse(output).RootElement.ToString(), Does.Contain("GIFTI-LABEL-002"));
        (code, _, _) = await CliRun.RunAsync("validate", GiftiTestFiles.Fixture("invalid/labels/colour-above-one"), "--ignore", "GIFTI-LABEL");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        (code, _, _) = await CliRun.RunAsync("validate", Path.Combine(RepoPaths.Fixtures, "gifti", "missing.gii"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
    }

    [Test]
    public async Task Validate_on_the_gifti_corpus_agrees_with_every_manifest()
    {
        (int code, string output, _) = await CliRun.RunAsync("validate", Path.Combine(RepoPaths.Fixtures, "gifti"));
        Assert.That(code, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.Not.Contain("FAIL"));
    }
}
