using System.Text.Json;
using System.Xml.Linq;
using Conformance.Tests.Support;
using Conformance.Tests.Validator;
using Conformance.Validator;
using Conformance.Validator.Suite;
using Json.Schema;

namespace Conformance.Tests.Suite;

/// <summary>
/// <c>conformance suite run</c> and <c>suite matrix</c> from the command line: exit codes, every
/// report format (JSON against spec/suite-result.schema.json), output files, deviations.
/// </summary>
public sealed class SuiteCommandTests
{
    private const string Reference = "{conformance} adapter";

    private static void AssertFollowsSchema(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        EvaluationResults results = SuiteResultSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(results.IsValid, Is.True, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Test]
    public async Task The_reference_passes_its_suite_and_the_run_exits_0()
    {
        (int code, string output, string error) = await CliRun.RunAsync("suite", "run", "--adapter", Reference);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Match(@"^conformance-reference \S+ \(C#\): \d+ passed, 0 failed, 0 errors, 0 skipped, 0 known deviations, 0 fixed deviations, 0 stale deviations\n$"));
    }

    [Test]
    public async Task The_JSON_report_follows_its_schema_and_lists_every_selected_case()
    {
        (int code, string output, _) = await CliRun.RunAsync("suite", "run", "--adapter", Reference, "--cases", "*sharding*", "--format", "json");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        AssertFollowsSchema(output);
        using JsonDocument report = JsonDocument.Parse(output);
        string[] cases = [.. report.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
        Assert.That(cases, Is.Not.Empty.And.All.Contains("sharding"));
        Assert.That(report.RootElement.GetProperty("results").GetArrayLength(), Is.EqualTo(cases.Length));
        Assert.That(report.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()), Is.All.EqualTo("pass"));
    }

    [Test]
    public async Task A_failing_run_exits_1_and_its_JUnit_report_counts_failures_and_known_deviations()
    {
        using var folder = new TempDirectory();
        string script = Path.Combine(folder.Path, "adapter.sh");
        // Reads every store, valid or not, printing nothing: valid cases fail on their values,
        // must-fail cases because it reads what it must refuse.
        string features = JsonSerializer.Serialize(SuiteFeatures.Reference.Where(f => f != SuiteFeatures.Write));
        File.WriteAllText(script, $$"""
            if [ "$1" = info ]; then echo '{"name": "lax", "version": "0", "language": "sh", "features": {{features}}}'; fi
            exit 0

            """);
        string deviations = Path.Combine(folder.Path, "deviations.json");
        File.WriteAllText(deviations, """{"deviations": {"must-fail:zarr-v3/invalid/codecs/gzip-level-10": "accepts any level"}}""");
        string report = Path.Combine(folder.Path, "suite.xml");
        (int code, string output, _) = await CliRun.RunAsync("suite", "run", "--adapter", "sh " + script, "--cases", "*/codecs/gzip*", "--format", "junit", "--output", report, "--deviations", deviations);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(output, Does.Contain("FAIL   read:zarr-v3/valid/codecs/gzip\n").And.Contain("KNOWN  must-fail:zarr-v3/invalid/codecs/gzip-level-10"));
        XElement suites = XDocument.Load(report).Root!;
        XElement[] cases = [.. suites.Descendants("testcase")];
        Assert.That(int.Parse(suites.Attribute("tests")!.Value), Is.EqualTo(cases.Length).And.GreaterThan(3));
        Assert.That(int.Parse(suites.Attribute("failures")!.Value), Is.EqualTo(cases.Count(c => c.Element("failure") is not null)).And.GreaterThan(0));
        XElement known = cases.Single(c => c.Attribute("name")!.Value == "must-fail:zarr-v3/invalid/codecs/gzip-level-10");
        Assert.That(known.Element("skipped")!.Attribute("message")!.Value, Does.StartWith("known deviation (accepts any level)"));
        XElement skipped = cases.Single(c => c.Attribute("name")!.Value == "write:zarr-v3/valid/codecs/gzip");
        Assert.That(skipped.Element("skipped")!.Attribute("message")!.Value, Is.EqualTo("needs write"));
    }

    [Test]
    public async Task Markdown_and_HTML_reports_are_written_to_their_files()
    {
        using var folder = new TempDirectory();
        string markdown = Path.Combine(folder.Path, "suite.md");
        string html = Path.Combine(folder.Path, "suite.html");
        (int code, _, _) = await CliRun.RunAsync("suite", "run", "--adapter", Reference, "--cases", "*/chunk-keys/*", "--format", "md", "--output", markdown);
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        string text = File.ReadAllText(markdown);
        Assert.That(text, Does.StartWith("# Conformance suite\n").And.Contain("\n## chunk-keys\n\n| case | conformance-reference |\n").And.Contain("| `read:zarr-v3/valid/chunk-keys/v2-slash` | pass |"));
        (code, _, _) = await CliRun.RunAsync("suite", "run", "--adapter", Reference, "--cases", "*/chunk-keys/*", "--format", "html", "--output", html);
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.ReadAllText(html), Does.StartWith("<!DOCTYPE html>").And.Contain("read:zarr-v3/valid/chunk-keys/v2-slash"));
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(2), "no temporary files are left");
    }

    [TestCase("--format", "xml", "--format is one of")]
    [TestCase("--timeout", "0", "--timeout must be positive")]
    [TestCase("--jobs", "0", "--jobs must be positive")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        (int code, _, string error) = await CliRun.RunAsync("suite", "run", "--adapter", Reference, option, value);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task An_adapter_that_cannot_start_is_a_usage_error()
    {
        (int code, _, string error) = await CliRun.RunAsync("suite", "run", "--adapter", "/no/such/adapter");
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("the adapter cannot be used: `/no/such/adapter info` crashed with exit code 127"));
    }

    [Test]
    public async Task The_matrix_of_the_reference_with_itself_reads_back_everything_it_wrote()
    {
        using var folder = new TempDirectory();
        string description = Path.Combine(RepoPaths.Root, "adapters", "reference", "adapter.json");
        (int code, string output, string error) = await CliRun.RunAsync("suite", "matrix", folder.Path, "--adapter", description, "--cases", "*/codecs/*");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Match(@"written by conformance-reference, read by conformance-reference: (\d+) of \1 read back"));
        Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "matrix.json", "matrix.md", "matrix.html" }));
        string json = File.ReadAllText(Path.Combine(folder.Path, "matrix.json"));
        AssertFollowsSchema(json);
        using JsonDocument matrix = JsonDocument.Parse(json);
        Assert.That(matrix.RootElement.GetProperty("cross").GetArrayLength(), Is.GreaterThan(10));
        Assert.That(File.ReadAllText(Path.Combine(folder.Path, "matrix.md")), Does.Contain("## Written by (rows), read by (columns)"));
    }
}
