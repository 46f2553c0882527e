using System.Text.Json;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.FreeSurfer;
using Json.Schema;

namespace Conformance.Tests.Validator.Validation.FreeSurfer;

/// <summary>
/// The FreeSurfer validator reports every content finding once, where it is; its JSON report
/// is what <c>spec/report.schema.json</c> says; and <c>conformance validate lh.white</c> exits
/// 0 for a sound or merely unusual file and 1 for a broken one.
/// </summary>
public sealed class FreeSurferValidatorTests
{
    private static readonly FreeSurferValidator Validator = new();

    /// <summary>
    /// Five vertices (vertex 3 on the line through 0 and 1, vertex 4 at x = NaN) and four
    /// triangles: a sound one, a collapsed one, one naming vertex 1 twice, one using vertex 4.
    /// </summary>
    private static byte[] TroubledSurface()
    {
        float[] coordinates = [0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0, float.NaN, 0, 0];
        int[] faces = [0, 1, 2, 0, 1, 3, 1, 1, 2, 4, 1, 2];
        byte[] bytes = new FreeSurferSurface(coordinates, faces) { CreatedBy = "created by test" }.ToBytes();
        // One newline after the created-by line instead of FreeSurfer's two.
        int second = 3 + "created by test".Length + 1;
        return [.. bytes[..second], .. bytes[(second + 1)..]];
    }

    private static async Task<ValidationReport> ValidateAsync(TempDirectory directory, string name, byte[] bytes)
    {
        string path = Path.Combine(directory.Path, name);
        await File.WriteAllBytesAsync(path, bytes);
        Assert.That(Validator.Detects(path), Is.True);
        return await Validator.ValidateAsync(path, new ValidationOptions());
    }

    [Test]
    public async Task A_surface_with_several_content_problems_reports_each_once_where_it_is()
    {
        using var directory = new TempDirectory();
        ValidationReport report = await ValidateAsync(directory, "lh.white", TroubledSurface());
        Assert.That(report.Diagnostics.Select(d => d.RuleId), Is.EquivalentTo(new[] { "FS-SURF-003", "FS-SURF-011", "FS-SURF-012", "FS-SURF-013" }));
        Assert.That(report.Diagnostics.Select(d => d.Severity), Is.All.EqualTo(Severity.Warning));
        Assert.That(report.Passed, Is.True);
        Dictionary<string, DiagnosticLocation> at = report.Diagnostics.ToDictionary(d => d.RuleId, d => d.Location);
        Assert.That(at["FS-SURF-011"].Pointer, Is.EqualTo("/vertices/4"));
        Assert.That(at["FS-SURF-012"].Pointer, Is.EqualTo("/faces/2"));
        Assert.That(at["FS-SURF-013"].Pointer, Is.EqualTo("/faces/1"));
        Assert.That(report.Diagnostics.Select(d => d.Location.Key), Is.All.EqualTo("lh.white"));
        // Counts after one newline: magic 3 + line 16; then 8 count bytes and 5 vertices of 12 bytes.
        Assert.That(at["FS-SURF-013"].ByteStart, Is.EqualTo(3 + 16 + 8 + 60 + 12));
        Assert.That(at["FS-SURF-013"].ByteLength, Is.EqualTo(12));
    }

    [Test]
    public async Task An_annotation_reports_each_repeated_vertex_and_each_unknown_value_once()
    {
        var table = new ColorTable([new ColorTableEntry(0, "unknown", 25, 5, 25, 0), new ColorTableEntry(1, "precentral", 60, 20, 220, 0)]);
        int known = table.Entries[1].Annotation;
        byte[] bytes = new Annotation([0, 1, 1, 2, 3, 3], [known, 7, 7, 7, 0, known], table).ToBytes();
        using var directory = new TempDirectory();
        ValidationReport report = await ValidateAsync(directory, "lh.aparc.annot", bytes);
        Assert.That(report.Diagnostics.Select(d => (d.RuleId, d.Location.Pointer)), Is.EquivalentTo(new[]
        {
            ("FS-ANNOT-007", "/pairs/1"),
            ("FS-ANNOT-009", "/pairs/2"),
            ("FS-ANNOT-009", "/pairs/5"),
        }));
        Assert.That(report.Diagnostics.Single(d => d.RuleId == "FS-ANNOT-007").Location.ByteStart, Is.EqualTo(4 + 8 + 4));
    }

    [Test]
    public async Task A_label_reports_repeated_and_impossible_vertex_numbers_by_point()
    {
        byte[] bytes = new Label([new LabelPoint(5, 0, 0, 0, 0), new LabelPoint(5, 1, 0, 0, 0), new LabelPoint(-1, 2, 0, 0, 0), new LabelPoint(-1, 3, 0, 0, 0), new LabelPoint(-7, 4, 0, 0, 0)]).ToBytes();
        using var directory = new TempDirectory();
        ValidationReport report = await ValidateAsync(directory, "lh.cortex.label", bytes);
        Assert.That(report.Diagnostics.Select(d => (d.RuleId, d.Location.Pointer)), Is.EquivalentTo(new[] { ("FS-LABEL-005", "/points/1"), ("FS-LABEL-006", "/points/4") }));
    }

    [Test]
    public async Task A_structural_error_is_reported_once_with_its_byte_range()
    {
        byte[] bytes = new FreeSurferSurface([0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 1, 2]) { CreatedBy = "created by test" }.ToBytes();
        // The last face index: after magic, line, two newlines, counts and three vertices.
        int last = 3 + 17 + 8 + 36 + 8;
        bytes[last + 3] = 9;
        using var directory = new TempDirectory();
        ValidationReport report = await ValidateAsync(directory, "lh.pial", bytes);
        Diagnostic finding = report.Diagnostics.Single();
        Assert.That(finding.RuleId, Is.EqualTo(FreeSurferRules.SurfaceFaceIndex));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
        Assert.That(finding.Location, Is.EqualTo(new DiagnosticLocation("lh.pial", "/faces/0", null, last, 4)));
    }

    [Test]
    public async Task The_json_report_of_a_freesurfer_file_validates_against_the_schema()
    {
        using var directory = new TempDirectory();
        ValidationReport report = await ValidateAsync(directory, "lh.white", TroubledSurface());
        using var output = new StringWriter();
        await ReportWriter.WriteAsync(ReportFormat.Json, report, RuleCatalog.Default, output);
        // A registry of its own: the schema's $id is already registered globally by the report writer tests.
        JsonSchema schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "report.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        EvaluationResults results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(results.IsValid, Is.True, JsonSerializer.Serialize(results));
        Assert.That(document.RootElement.GetProperty("diagnostics").GetArrayLength(), Is.EqualTo(4));
    }

    [Test]
    public async Task Validate_exits_0_for_a_sound_or_unusual_surface_and_1_for_a_broken_one()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.white");
        byte[] sound = new FreeSurferSurface([0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 1, 2]).ToBytes();
        await File.WriteAllBytesAsync(path, sound);
        Assert.That((await CliRun.RunAsync("validate", path)).Code, Is.EqualTo(0));

        await File.WriteAllBytesAsync(path, TroubledSurface());
        (int code, string output, _) = await CliRun.RunAsync("validate", path);
        Assert.That(code, Is.EqualTo(0), "warnings only");
        Assert.That(output, Does.Contain("FS-SURF-013"));

        await File.WriteAllBytesAsync(path, sound[..^1]);
        (code, output, _) = await CliRun.RunAsync("validate", path);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FS-SURF-004"));
    }
}
