using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary>The <c>conformance</c> command: output of info and cat, and exit codes fit for scripts.</summary>
public sealed class CliTests
{
    private static string Fixture(string relative) => CliRun.Fixture(relative);

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    [TestCase("hierarchy/nested-groups")]
    [TestCase("hierarchy/consolidated-metadata")]
    [TestCase("metadata/dimension-names")]
    [TestCase("codecs/full-chain")]
    public async Task Info_prints_the_tree(string fixture)
    {
        (int code, string output, string error) = await Run("info", Fixture(fixture));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Approved.Verify(output, "info-" + fixture.Replace('/', '-'));
    }

    [TestCase("data-types/float32")]
    [TestCase("data-types/complex64")]
    [TestCase("data-types/string-vlen-utf8")]
    [TestCase("data-types/r24")]
    [TestCase("chunk-keys/zero-dim-v2")]
    public async Task Cat_prints_one_element_per_line(string fixture)
    {
        (int code, string output, string error) = await Run("cat", Fixture(fixture));
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Approved.Verify(output, "cat-" + fixture.Replace('/', '-'));
    }

    [Test]
    public async Task Cat_finds_an_array_inside_a_group()
    {
        (int code, string output, _) = await Run("cat", Fixture("hierarchy/nested-groups"), "--array", "/a/b/deep");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Is.Not.Empty);
    }

    [Test]
    public async Task A_missing_path_is_a_usage_error()
    {
        (int code, _, string error) = await Run("info", Path.Combine(RepoPaths.Root, "no-such-store"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith("usage:"));
    }

    [Test]
    public async Task Cat_of_a_group_is_a_usage_error()
    {
        (int code, _, _) = await Run("cat", Fixture("hierarchy/nested-groups"));
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
    }

    [Test]
    public async Task An_invalid_store_exits_1_naming_the_rule_and_location()
    {
        (int code, _, string error) = await Run("info", Fixture("metadata/shape-negative"));
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(error, Does.StartWith("error ZARR-META-004 at zarr.json#/shape/"));
    }

    [Test]
    public async Task An_unsupported_feature_exits_1_and_says_unsupported()
    {
        (int code, _, string error) = await Run("cat", Fixture("data-types/unknown-data-type"));
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(error, Does.StartWith("unsupported ZARR-DTYPE-001"));
    }

    [Test]
    public async Task Unknown_options_are_usage_errors()
    {
        (int code, _, _) = await Run("cat", Fixture("data-types/float32"), "--no-such-option");
        Assert.That(code, Is.Not.EqualTo(ExitCodes.Success));
    }
}
