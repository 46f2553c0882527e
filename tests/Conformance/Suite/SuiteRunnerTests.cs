using System.Text.Json;
using Conformance.Tests.Support;
using Conformance.Validator.Suite;

namespace Conformance.Tests.Suite;

/// <summary>
/// The runner over the reference's own adapter (it must pass every case it is given), and over a
/// shell adapter that misbehaves in each way the protocol tells apart: wrong values, a refusal of
/// a valid store, reading a store it must refuse, a crash, a time-out, a feature not claimed;
/// with known deviations that hold, are fixed, are stale or name no case.
/// </summary>
public sealed class SuiteRunnerTests
{
    private static readonly Lazy<IReadOnlyList<SuiteCase>> Corpus = new(() => SuiteCorpus.Load(RepoPaths.Fixtures));

    private static SuiteCase Case(string id) => Corpus.Value.Single(c => c.Id == id);

    [Test]
    public async Task The_reference_passes_every_case_of_its_own_suite()
    {
        Adapter reference = await Adapter.StartAsync(Adapter.Reference, TimeSpan.FromMinutes(2));
        IReadOnlyList<CaseResult> results = await SuiteRunner.RunAsync(reference, Corpus.Value, Deviations.None, 2);
        Assert.That(results.Where(r => r.Outcome != CaseOutcome.Pass).Select(r => $"{r.Case.Id}: {r.Outcome} {r.Message}"), Is.Empty);
        Assert.That(results.Select(r => r.Case.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<SuiteCaseKind>()));
    }

    /// <summary>A shell adapter that passes everything to the reference except the stores it is told to mishandle.</summary>
    private static string Misbehaving(string folder)
    {
        string reference = $"dotnet '{typeof(Adapter).Assembly.Location}' adapter";
        string features = JsonSerializer.Serialize(SuiteFeatures.Reference.Where(f => f != "data-type:complex128"));
        string script = Path.Combine(folder, "adapter.sh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            if [ "$1" = info ]; then
              echo '{"name": "misbehaving", "version": "1", "language": "sh", "features": {{features}}}'
              exit 0
            fi
            case "$*" in
              */codecs/gzip-level-0/*) echo "segmentation fault" >&2; exit 139 ;;
              */codecs/crc32c/*) {{reference}} "$@" | sed '1s/.*/12345/'; exit 0 ;;
              */codecs/transpose-2d/*) sleep 30; exit 0 ;;
              */codecs/crc32c-mismatch/*) exit 0 ;;
              */codecs/bytes-little/*) echo "bytes codec: not implemented" >&2; exit 1 ;;
            esac
            exec {{reference}} "$@"

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        return "sh " + script;
    }

    [Test]
    public async Task Each_way_an_adapter_can_go_wrong_has_its_outcome_and_a_readable_reason()
    {
        using var folder = new TempDirectory();
        Adapter adapter = await Adapter.StartAsync(Misbehaving(folder.Path), TimeSpan.FromSeconds(5));
        Assert.That(adapter.Info, Is.EqualTo(adapter.Info with { Name = "misbehaving", Version = "1", Language = "sh" }));
        SuiteCase[] cases =
        [
            Case("read:zarr-v3/valid/codecs/gzip"),
            Case("read:zarr-v3/valid/codecs/crc32c"),
            Case("read:zarr-v3/valid/codecs/bytes-little"),
            Case("read:zarr-v3/valid/codecs/gzip-level-0"),
            Case("read:zarr-v3/valid/codecs/transpose-2d"),
            Case("read:zarr-v3/valid/codecs/bytes-big-complex128"),
            Case("must-fail:zarr-v3/invalid/codecs/crc32c-mismatch"),
            Case("must-fail:zarr-v3/invalid/codecs/gzip-level-10"),
        ];
        IReadOnlyList<CaseResult> results = await SuiteRunner.RunAsync(adapter, cases, Deviations.None, 2);
        Dictionary<string, CaseResult> by = results.ToDictionary(r => r.Case.Id.Split('/')[^1]);
        Assert.That(by.ToDictionary(r => r.Key, r => r.Value.Outcome), Is.EquivalentTo(new Dictionary<string, CaseOutcome>
        {
            ["gzip"] = CaseOutcome.Pass,
            ["crc32c"] = CaseOutcome.Fail,
            ["bytes-little"] = CaseOutcome.Fail,
            ["gzip-level-0"] = CaseOutcome.Error,
            ["transpose-2d"] = CaseOutcome.Error,
            ["bytes-big-complex128"] = CaseOutcome.Skip,
            ["crc32c-mismatch"] = CaseOutcome.Fail,
            ["gzip-level-10"] = CaseOutcome.Pass,
        }));
        Assert.That(by["crc32c"].Message, Does.Contain("/: 1 of ").And.Contain("element 0 [0]: expected 1, got 12345"));
        Assert.That(by["bytes-little"].Message, Does.Contain("refused a valid store").And.Contain("bytes codec: not implemented"));
        Assert.That(by["gzip-level-0"].Message, Does.Contain("crashed with exit code 139").And.Contain("segmentation fault"));
        Assert.That(by["transpose-2d"].Message, Does.Contain("timed out after 5 s"));
        Assert.That(by["bytes-big-complex128"].Message, Is.EqualTo("needs data-type:complex128"));
        Assert.That(by["crc32c-mismatch"].Message, Does.Contain("which it must refuse: the store breaks ZARR-CODEC-CRC32C-002"));
    }

    [Test]
    public async Task Known_deviations_hold_while_they_fail_and_fail_the_run_once_they_pass_or_go_stale()
    {
        using var folder = new TempDirectory();
        string file = Path.Combine(folder.Path, "deviations.json");
        File.WriteAllText(file, """
            {"deviations": {
              "read:zarr-v3/valid/codecs/bytes-little": "no bytes codec",
              "read:zarr-v3/valid/codecs/gzip": "once failed",
              "read:zarr-v3/valid/codecs/bytes-big-complex128": "no complex128",
              "read:zarr-v3/valid/codecs/no-such-case": "renamed since"
            }}
            """);
        Deviations deviations = Deviations.Load(file);
        Adapter adapter = await Adapter.StartAsync(Misbehaving(folder.Path), TimeSpan.FromSeconds(30));
        SuiteCase[] cases = [Case("read:zarr-v3/valid/codecs/bytes-little"), Case("read:zarr-v3/valid/codecs/gzip"), Case("read:zarr-v3/valid/codecs/bytes-big-complex128")];
        IReadOnlyList<CaseResult> results = await SuiteRunner.RunAsync(adapter, cases, deviations, 2);
        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { CaseOutcome.Known, CaseOutcome.Fixed, CaseOutcome.Stale }));
        Assert.That(results[0].Breaks, Is.False);
        Assert.That(results[0].Message, Does.StartWith("known deviation (no bytes codec):"));
        Assert.That(results[1].Breaks && results[2].Breaks);
        Assert.That(deviations.Unknown(Corpus.Value), Is.EqualTo(new[] { "read:zarr-v3/valid/codecs/no-such-case" }));
    }

    [Test]
    public void A_deviations_file_of_the_wrong_shape_is_refused_with_the_expected_form()
    {
        using var folder = new TempDirectory();
        string file = Path.Combine(folder.Path, "deviations.json");
        File.WriteAllText(file, """{"read:x": "reason"}""");
        Assert.That(() => Deviations.Load(file), Throws.InstanceOf<FormatException>().With.Message.Contains("{\"deviations\": {\"CASE-ID\": \"reason\"}}"));
    }

    [TestCase("echo not json", "printed no valid answer")]
    [TestCase("exit 3", "crashed with exit code 3")]
    [TestCase("echo '{\"name\": \"x\", \"version\": \"1\", \"language\": \"sh\"}'", "\"features\" must be an array of strings")]
    public void An_adapter_whose_info_is_no_answer_cannot_be_used(string body, string reason)
    {
        using var folder = new TempDirectory();
        string script = Path.Combine(folder.Path, "adapter.sh");
        File.WriteAllText(script, body + "\n");
        Assert.That(async () => await Adapter.StartAsync("sh " + script, TimeSpan.FromSeconds(30)), Throws.InstanceOf<AdapterException>().With.Message.Contains(reason));
    }
}
