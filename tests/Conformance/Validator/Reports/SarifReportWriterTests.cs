using System.Text.Json.Nodes;
using Conformance.Tests.Support;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Reports;

/// <summary>
/// The SARIF log has what SARIF 2.1.0 requires and what GitHub code scanning needs to take it.
/// The SARIF schema is not available offline, so the structure is checked here by hand.
/// </summary>
public sealed class SarifReportWriterTests
{
    private static async Task<JsonNode> Sarif(ValidationReport report) =>
        JsonNode.Parse(await SampleReports.WriteAsync(ReportFormat.Sarif, report))!;

    [Test]
    public async Task The_log_declares_version_schema_and_tool()
    {
        JsonNode log = await Sarif(SampleReports.Mixed);
        Assert.That(log["version"]!.GetValue<string>(), Is.EqualTo("2.1.0"));
        Assert.That(log["$schema"]!.GetValue<string>(), Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
        JsonArray runs = log["runs"]!.AsArray();
        Assert.That(runs, Has.Count.EqualTo(1));
        JsonNode driver = runs[0]!["tool"]!["driver"]!;
        Assert.That(driver["name"]!.GetValue<string>(), Is.EqualTo("conformance"));
        Assert.That(Uri.IsWellFormedUriString(driver["informationUri"]!.GetValue<string>(), UriKind.Absolute), Is.True);
    }

    [Test]
    public async Task Each_rule_that_fired_is_described_once_with_its_link()
    {
        JsonNode log = await Sarif(SampleReports.Mixed);
        JsonArray rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        string[] ids = [.. rules.Select(r => r!["id"]!.GetValue<string>())];
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.EquivalentTo(SampleReports.Mixed.Diagnostics.Select(d => d.RuleId).Distinct()));
        foreach (JsonNode? rule in rules)
        {
            Rule catalogued = RuleCatalog.Default.Find(rule!["id"]!.GetValue<string>())!;
            Assert.That(rule["helpUri"]!.GetValue<string>(), Is.EqualTo(catalogued.Link));
            Assert.That(rule["shortDescription"]!["text"]!.GetValue<string>(), Is.EqualTo(catalogued.Summary));
            Assert.That(rule["fullDescription"]!["text"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(rule["defaultConfiguration"]!["level"]!.GetValue<string>(), Is.AnyOf("error", "warning", "note"));
        }
    }

    [Test]
    public async Task Each_finding_is_a_result_pointing_at_its_rule_and_a_file()
    {
        JsonNode run = (await Sarif(SampleReports.Mixed))["runs"]![0]!;
        JsonArray rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        JsonArray results = run["results"]!.AsArray();
        Assert.That(results, Has.Count.EqualTo(SampleReports.Mixed.Diagnostics.Count));
        for (int i = 0; i < results.Count; i++)
        {
            Diagnostic diagnostic = SampleReports.Mixed.Diagnostics[i];
            JsonNode result = results[i]!;
            Assert.That(result["ruleId"]!.GetValue<string>(), Is.EqualTo(diagnostic.RuleId));
            Assert.That(rules[result["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>(), Is.EqualTo(diagnostic.RuleId));
            Assert.That(result["level"]!.GetValue<string>(), Is.EqualTo(diagnostic.Severity.ToString().ToLowerInvariant()));
            Assert.That(result["message"]!["text"]!.GetValue<string>(), Does.StartWith(diagnostic.Message));
            string uri = result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>();
            Assert.That(uri, Is.Not.Empty);
            Assert.That(Uri.IsWellFormedUriString(uri, UriKind.Relative), Is.True, uri);
            Assert.That(uri, Is.EqualTo(diagnostic.Location.Key is null ? "data/mixed.zarr" : "data/mixed.zarr/" + diagnostic.Location.Key));
        }
    }

    [Test]
    public async Task Pointers_chunks_and_byte_ranges_are_kept()
    {
        JsonArray results = (await Sarif(SampleReports.Mixed))["runs"]![0]!["results"]!.AsArray();
        JsonNode crc = results[1]!;
        Assert.That(crc["properties"]!.ToJsonString(), Is.EqualTo("""{"key":"a/c/0/0","pointer":null,"chunk":[0,0],"byteStart":4092,"byteLength":4}"""));
        JsonNode sharding = results[4]!;
        Assert.That(sharding["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>(), Is.EqualTo("a/zarr.json#/codecs/0/configuration/index_codecs"));
        Assert.That(sharding["message"]!["text"]!.GetValue<string>(), Does.Contain("/codecs/0/configuration/index_codecs"));
    }

    [Test]
    public async Task A_clean_report_is_a_run_with_no_results()
    {
        JsonNode run = (await Sarif(SampleReports.Clean))["runs"]![0]!;
        Assert.That((run["tool"]!["driver"]!["rules"]!.AsArray().Count, run["results"]!.AsArray().Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task Fingerprints_tell_findings_apart()
    {
        JsonArray results = (await Sarif(SampleReports.Mixed))["runs"]![0]!["results"]!.AsArray();
        string[] fingerprints = [.. results.Select(r => r!["partialFingerprints"]!["conformanceLocation/v1"]!.GetValue<string>())];
        Assert.That(fingerprints, Is.Unique);
    }

    [TestCase("data/a.zarr", "a/zarr.json", "data/a.zarr/a/zarr.json")]
    [TestCase("data/a.zarr/", "a/c/0 1", "data/a.zarr/a/c/0%201")]
    [TestCase("./a.zarr", null, "a.zarr")]
    [TestCase(".", "zarr.json", "zarr.json")]
    [TestCase(".", null, "zarr.json")]
    [TestCase("data/a.zip", "a/zarr.json", "data/a.zip")]
    [TestCase("https://example.org/a.zarr", "a/zarr.json", "a/zarr.json")]
    [TestCase("https://example.org/a.zarr", null, "zarr.json")]
    public void The_artifact_uri_is_the_key_under_the_target(string target, string? key, string expected)
    {
        Assert.That(SarifReportWriter.ArtifactUri(target, key), Is.EqualTo(expected));
    }

    [Test]
    public void An_absolute_target_gives_a_file_uri()
    {
        string target = Path.Combine(Path.GetTempPath(), "a.zarr");
        string uri = SarifReportWriter.ArtifactUri(target, "a/zarr.json");
        Assert.That(uri, Does.StartWith("file:///").And.EndWith("/a.zarr/a/zarr.json"));
    }

    [Test]
    public async Task The_output_matches_the_approved_file()
    {
        Approved.Verify(await SampleReports.WriteAsync(ReportFormat.Sarif, SampleReports.Mixed), "sarif-mixed");
    }
}
