using System.Text.Json;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Fixtures;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Validation;

/// <summary>
/// The validator over every fixture case, in deep mode: a valid store yields no error and no
/// warning; an invalid one yields an error of the manifest's rule, and an unsupported one a
/// warning of it (the part could not be checked), without the validator throwing.
/// </summary>
public sealed class ValidatorFixtureTests
{
    public static IEnumerable<TestCaseData> Cases() => ZarrFixtureTests.Cases();

    [TestCaseSource(nameof(Cases))]
    public async Task Case(string directory)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "case.json")));
        JsonElement spec = manifest.RootElement;
        var store = new DirectoryStore(Path.Combine(directory, "store"), readOnly: true);
        ValidationReport report = await ZarrValidator.ValidateAsync(store, directory, new ValidationOptions { Deep = true, MaxDegreeOfParallelism = 2 });
        string findings = string.Join("\n", report.Diagnostics.Select(d => $"{d.Severity} {d.RuleId} at {d.Location}: {d.Message}"));
        string target = spec.GetProperty("target").GetString()!;
        if (spec.GetProperty("expect").GetString() != "valid" && !File.Exists(Path.Combine(directory, "store", target.TrimStart('/'), "zarr.json")))
        {
            // The case is about opening a path that is not a node; the store itself is sound.
            Assert.That(report.Diagnostics.Where(d => d.Severity != Severity.Note), Is.Empty, findings);
            return;
        }
        switch (spec.GetProperty("expect").GetString())
        {
            case "valid":
                Assert.That(report.Diagnostics.Where(d => d.Severity != Severity.Note), Is.Empty, findings);
                break;
            case "invalid":
                Assert.That(report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.RuleId), Does.Contain(spec.GetProperty("rule").GetString()), findings);
                break;
            default:
                Assert.That(report.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.RuleId), Does.Contain(spec.GetProperty("rule").GetString()), findings);
                break;
        }
    }
}
