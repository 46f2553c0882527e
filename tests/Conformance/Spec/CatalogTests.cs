using System.Text.Json;
using Conformance.Reference.Zarr;
using Conformance.Tests.Support;
using Conformance.Validator.Fixtures;

namespace Conformance.Tests.Spec;

/// <summary>The catalog in <c>spec/</c>, the rule IDs in code and the fixtures name the same rules.</summary>
public sealed class CatalogTests
{
    private static readonly string[] Levels = ["must", "should", "may"];

    private static List<JsonElement> Rules() => CatalogFile.Rules("zarr-v3");

    private static bool Checked(JsonElement rule) => CatalogFile.Checked(rule);

    private static IEnumerable<string> CodeIds() => CatalogFile.CodeIds(typeof(ZarrRules));

    [Test]
    public void Every_rule_in_code_is_catalogued_and_every_checked_rule_is_in_code() =>
        CatalogFile.AssertMatchesCode("zarr-v3", typeof(ZarrRules));

    [Test]
    public void Every_entry_is_complete_and_every_unchecked_rule_says_why()
    {
        foreach (JsonElement rule in Rules())
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.That(rule.GetProperty("level").GetString(), Is.AnyOf(Levels), id);
            Assert.That(rule.GetProperty("section").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("summary").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("binds").GetString(), Is.AnyOf("metadata", "data", "reader", "writer", "store"), id);
            Assert.That(rule.GetProperty("link").GetString(), Does.StartWith("https://zarr-specs.readthedocs.io/").Or.StartWith("https://github.com/zarr-developers/zarr-extensions/"), id);
            if (!Checked(rule))
            {
                Assert.That(rule.GetProperty("ruling").GetString(), Is.Not.Empty, id);
            }
            else
            {
                Assert.That(rule.GetProperty("binds").GetString(), Is.Not.EqualTo("writer"), id + ": what writers do cannot be checked from stored data");
            }
        }
    }

    [Test]
    public void Every_fixture_names_a_catalogued_rule()
    {
        var ids = new HashSet<string>(CodeIds());
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "zarr-v3"), "case.json", SearchOption.AllDirectories))
        {
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(file));
            Assert.That(FixtureManifest.Rules(manifest.RootElement).Concat(FixtureManifest.Warnings(manifest.RootElement)), Is.SubsetOf(ids), file);
        }
    }
}
