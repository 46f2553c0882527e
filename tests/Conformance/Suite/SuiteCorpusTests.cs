using System.Text.Json;
using Conformance.Tests.Support;
using Conformance.Validator.Fixtures;
using Conformance.Validator.Suite;

namespace Conformance.Tests.Suite;

/// <summary>The suite's cases are the fixture corpus seen as tasks, one kind per thing an implementation is asked (spec/adapter-protocol.md, "Cases").</summary>
public sealed class SuiteCorpusTests
{
    private static readonly Lazy<IReadOnlyList<SuiteCase>> Corpus = new(() => SuiteCorpus.Load(RepoPaths.Fixtures));

    private static IEnumerable<(string Folder, JsonElement Manifest)> Manifests()
    {
        string root = Path.Combine(RepoPaths.Fixtures, "zarr-v3");
        foreach (string file in Directory.EnumerateFiles(root, "case.json", SearchOption.AllDirectories))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            yield return ("zarr-v3/" + Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/'), document.RootElement.Clone());
        }
    }

    [Test]
    public void Each_fixture_case_gives_the_kinds_its_manifest_calls_for()
    {
        var ids = Corpus.Value.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.That(ids, Has.Count.EqualTo(Corpus.Value.Count), "IDs are unique");
        foreach ((string folder, JsonElement manifest) in Manifests())
        {
            string expect = manifest.GetProperty("expect").GetString()!;
            string[] arrays = manifest.TryGetProperty("arrays", out JsonElement a) ? [.. a.EnumerateObject().Select(p => p.Name)] : [];
            bool rootArrayOnly = arrays is ["/"] && manifest.GetProperty("groups").GetArrayLength() == 0;
            bool targetExists = File.Exists(Path.Combine(RepoPaths.Fixtures, folder, "store", manifest.GetProperty("target").GetString()!.TrimStart('/'), "zarr.json"));
            Assert.That(ids.Contains("read:" + folder), Is.EqualTo(expect == "valid" && arrays.Length > 0), folder);
            Assert.That(ids.Contains("write:" + folder), Is.EqualTo(expect == "valid" && rootArrayOnly), folder);
            Assert.That(ids.Contains("must-fail:" + folder), Is.EqualTo(expect == "invalid" && manifest.TryGetProperty("stage", out _)), folder);
            Assert.That(ids.Contains("validate:" + folder), Is.EqualTo(expect == "valid" || (expect == "invalid" && targetExists)), folder);
        }
    }

    [Test]
    public void A_case_needs_its_role_and_the_features_its_manifest_lists()
    {
        SuiteCase write = Corpus.Value.Single(c => c.Id == "write:zarr-v3/valid/codecs/full-chain");
        Assert.That(write.Features, Is.EquivalentTo(new[] { "write", "chunk-key-encoding:default", "codec:bytes", "codec:crc32c", "codec:gzip", "codec:transpose", "data-type:float32" }));
        SuiteCase mustFail = Corpus.Value.Single(c => c.Id == "must-fail:zarr-v3/invalid/codecs/crc32c-mismatch");
        Assert.That(mustFail.Rules, Is.EqualTo(new[] { "ZARR-CODEC-CRC32C-002" }));
        Assert.That(mustFail.Features, Does.Contain("read"));
    }

    [Test]
    public void Features_leave_out_what_a_reader_is_to_refuse_or_may_skip()
    {
        using JsonDocument document = JsonDocument.Parse("""
            {"data_type": "r24", "chunk_key_encoding": {"name": "v2"},
             "codecs": [{"name": "Foo/Bar"}, {"name": "example.optional", "must_understand": false},
                        {"name": "sharding_indexed", "configuration": {"index_location": "start",
                          "codecs": [{"name": "sharding_indexed", "configuration": {"codecs": ["bytes"]}}]}}]}
            """);
        Assert.That(SuiteFeatures.Of(document.RootElement), Is.EqualTo(new[]
        {
            "chunk-key-encoding:v2", "codec:bytes", "codec:sharding_indexed", "data-type:r*", "sharding:index-start", "sharding:nested",
        }));
    }

    [Test]
    public void The_scope_is_extension_when_a_registered_extension_is_needed()
    {
        Assert.That(SuiteFeatures.IsExtension("codec:zstd") && SuiteFeatures.IsExtension("data-type:string"));
        Assert.That(SuiteFeatures.IsExtension("codec:gzip") || SuiteFeatures.IsExtension("data-type:r*"), Is.False);
        foreach ((string folder, JsonElement manifest) in Manifests())
        {
            string[] features = [.. manifest.GetProperty("features").EnumerateArray().Select(f => f.GetString()!)];
            Assert.That(manifest.GetProperty("scope").GetString(), Is.EqualTo(features.Any(SuiteFeatures.IsExtension) ? "extension" : "core"), folder);
            Assert.That(FixtureManifest.Rules(manifest), Is.SubsetOf(manifest.GetProperty("requirements").EnumerateArray().Select(r => r.GetString())), folder);
        }
    }

    [TestCase("read:*sharding*", "read:zarr-v3/valid/sharding/nested", "write:zarr-v3/valid/sharding/nested")]
    [TestCase("*crc32c-mismatch", "must-fail:zarr-v3/invalid/codecs/crc32c-mismatch", "read:zarr-v3/valid/codecs/crc32c")]
    public void A_pattern_selects_cases_by_id(string pattern, string selected, string left)
    {
        string[] ids = [.. SuiteCorpus.Select(Corpus.Value, pattern).Select(c => c.Id)];
        Assert.That(ids, Does.Contain(selected).And.Not.Contain(left));
    }
}
