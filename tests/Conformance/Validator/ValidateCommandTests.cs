using System.Text.Json;
using System.Xml.Linq;
using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary><c>conformance validate</c>: exit codes for CI, every report format, output files and settings.</summary>
public sealed class ValidateCommandTests
{
    private static string Fixture(string relative) => CliRun.Fixture(relative);

    [Test]
    public async Task A_valid_store_exits_0_and_an_invalid_one_1()
    {
        (int code, string output, string error) = await CliRun.RunAsync("validate", Fixture("sharding/spec-example"), "--deep");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Contain("no findings"));
        (code, output, error) = await CliRun.RunAsync("validate", Fixture("sharding/nested"), "--deep");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")), "a note does not fail the run");
        Assert.That(output, Does.Contain("note    ZARR-INTEROP-001"));
        (code, output, error) = await CliRun.RunAsync("validate", Fixture("codecs/crc32c-mismatch"), "--deep");
        Assert.That((code, error), Is.EqualTo((ExitCodes.InputRejected, "")));
        Assert.That(output, Does.Contain("error   ZARR-CODEC-CRC32C-002"));
        Assert.That(output, Does.Contain("https://zarr-specs.readthedocs.io/en/latest/v3/codecs/crc32c/"));
    }

    [Test]
    public async Task Without_deep_chunks_are_not_decoded()
    {
        (int code, string output, _) = await CliRun.RunAsync("validate", Fixture("codecs/crc32c-mismatch"));
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("no findings"));
    }

    [TestCase("json")]
    [TestCase("sarif")]
    [TestCase("junit")]
    public async Task Each_format_names_the_finding(string format)
    {
        (int code, string output, _) = await CliRun.RunAsync("validate", Fixture("sharding/entry-half-empty"), "--deep", "--format", format);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        if (format == "junit")
        {
            XElement failure = XDocument.Parse(output).Descendants("failure").Single();
            Assert.That(failure.Attribute("type")!.Value, Is.EqualTo("ZARR-CODEC-SHARDING-004"));
            return;
        }
        using JsonDocument document = JsonDocument.Parse(output);
        string json = document.RootElement.ToString();
        Assert.That(json, Does.Contain("ZARR-CODEC-SHARDING-004"));
    }

    [Test]
    public async Task Output_goes_to_a_file_and_the_summary_to_stdout()
    {
        using var directory = new TempDirectory();
        string report = Path.Combine(directory.Path, "report.sarif");
        (int code, string output, _) = await CliRun.RunAsync("validate", Fixture("sharding/entry-half-empty"), "--deep", "--format", "sarif", "--output", report);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(output.Trim(), Is.EqualTo($"1 error, 0 warnings, 0 notes; report written to {report}"));
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(Directory.GetFiles(directory.Path), Is.EqualTo(new[] { report }));
    }

    [Test]
    public async Task Ignore_drops_a_rule_and_a_settings_file_beside_the_store_is_read()
    {
        (int code, _, _) = await CliRun.RunAsync("validate", Fixture("sharding/entry-half-empty"), "--deep", "--ignore", "ZARR-CODEC-SHARDING");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        using var directory = new TempDirectory();
        string store = Path.Combine(directory.Path, "store");
        CopyDirectory(Fixture("sharding/entry-half-empty"), store);
        File.WriteAllText(Path.Combine(directory.Path, ".conformance.json"), """{"deep": true, "ignore": ["ZARR-CODEC-SHARDING-004"]}""");
        (code, string output, _) = await CliRun.RunAsync("validate", store);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), output);
        File.WriteAllText(Path.Combine(directory.Path, ".conformance.json"), """{"deep": true}""");
        (code, _, _) = await CliRun.RunAsync("validate", store);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected), "the settings file turned deep mode on");
        File.WriteAllText(Path.Combine(directory.Path, ".conformance.json"), """{"depth": 3}""");
        (code, _, string error) = await CliRun.RunAsync("validate", store);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("unknown setting 'depth'"));
    }

    [TestCase("--profile", "relaxed")]
    [TestCase("--format", "html")]
    [TestCase("--sample", "0")]
    public async Task Bad_options_exit_2(string option, string value)
    {
        (int code, _, string error) = await CliRun.RunAsync("validate", Fixture("sharding/nested"), option, value);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith("usage:"));
    }

    [Test]
    public async Task A_store_that_is_not_there_exits_2()
    {
        (int code, _, _) = await CliRun.RunAsync("validate", Path.Combine(RepoPaths.Root, "no-such-store"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
    }

    [Test]
    public async Task A_fixture_corpus_is_checked_case_by_case_against_its_manifests()
    {
        (int code, string output, string error) = await CliRun.RunAsync("validate", Path.Combine(RepoPaths.Fixtures, "zarr-v3", "invalid", "sharding"));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Contain("ok    entry-half-empty").And.Contain("ok    index-checksum-mismatch"));
        int cases = Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "zarr-v3", "invalid", "sharding")).Length;
        Assert.That(output.TrimEnd(), Does.EndWith($"{cases} cases: {cases} as their manifests say, 0 not"));
        using var directory = new TempDirectory();
        string wrong = Path.Combine(directory.Path, "wrong");
        CopyDirectory(Fixture("sharding/entry-half-empty")[..^"/store".Length], wrong);
        File.WriteAllText(Path.Combine(wrong, "case.json"), File.ReadAllText(Path.Combine(wrong, "case.json")).Replace("ZARR-CODEC-SHARDING-004", "ZARR-CODEC-SHARDING-001"));
        (code, output, _) = await CliRun.RunAsync("validate", directory.Path);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(output, Does.Contain("FAIL  wrong: expected error ZARR-CODEC-SHARDING-001, found error ZARR-CODEC-SHARDING-004 at c/0/0 chunk [0, 0]"));
        File.WriteAllText(Path.Combine(wrong, "case.json"), File.ReadAllText(Path.Combine(wrong, "case.json")).Replace("\"ZARR-CODEC-SHARDING-001\"", "\"ZARR-CODEC-SHARDING-004\", \"ZARR-CODEC-CRC32C-002\""));
        (code, output, _) = await CliRun.RunAsync("validate", directory.Path);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected), "a rule listed but not found fails the case too");
        Assert.That(output, Does.Contain("FAIL  wrong: expected error ZARR-CODEC-CRC32C-002, error ZARR-CODEC-SHARDING-004, found error ZARR-CODEC-SHARDING-004"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
