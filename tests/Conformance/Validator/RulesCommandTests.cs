using Conformance.Validator;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator;

/// <summary><c>conformance rules</c> and <c>conformance explain</c>: the catalog as people read it.</summary>
public sealed class RulesCommandTests
{
    [Test]
    public async Task Rules_lists_every_catalogued_rule_once()
    {
        (int code, string output, string error) = await CliRun.RunAsync("rules");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        string[] lines = output.TrimEnd().Split('\n');
        string[] ids = [.. lines.Skip(1).SkipLast(1).Select(l => l.Split(' ')[0])];
        Assert.That(ids, Is.EqualTo(RuleCatalog.Default.Rules.Select(r => r.Id).Order(StringComparer.Ordinal)));
        Assert.That(lines[^1], Does.StartWith($"{ids.Length} rules"));
        Assert.That(output, Does.Match(@"ZARR-HIER-002 +must +Every group has its own zarr.json.*\(ruled\)"));
    }

    [Test]
    public async Task Explain_shows_the_requirement_its_ruling_and_the_fixtures_that_break_it()
    {
        (int code, string output, string error) = await CliRun.RunAsync("explain", "ZARR-META-015");
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.StartWith("ZARR-META-015: Member names within one JSON object are unique"));
        Assert.That(output, Does.Contain("level    should (strict: error, interoperable: error, lenient: error)"));
        Assert.That(output, Does.Contain("spec     https://zarr-specs.readthedocs.io/en/latest/v3/core/index.html#metadata"));
        Assert.That(output, Does.Contain("ruling   RFC 8259"));
        Assert.That(output, Does.Contain("breaks it: zarr-v3/invalid/metadata/duplicate-member (invalid)"));
        Assert.That(output, Does.Contain("  | "), "the example's document is shown");
    }

    [Test]
    public async Task Explain_shows_a_valid_case_of_the_same_section_before_the_ones_that_break_the_rule()
    {
        (int code, string output, _) = await CliRun.RunAsync("explain", "ZARR-CODEC-GZIP-001");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        int valid = output.IndexOf("valid example: zarr-v3/valid/codecs/gzip-level-0 (valid)", StringComparison.Ordinal);
        int broken = output.IndexOf("breaks it: zarr-v3/invalid/codecs/gzip-level-10 (invalid)", StringComparison.Ordinal);
        Assert.That(valid, Is.GreaterThan(0));
        Assert.That(broken, Is.GreaterThan(valid));
    }

    [Test]
    public async Task Explain_of_an_unknown_rule_is_a_usage_error()
    {
        (int code, _, string error) = await CliRun.RunAsync("explain", "ZARR-NOPE-001");
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("conformance rules"));
    }
}
