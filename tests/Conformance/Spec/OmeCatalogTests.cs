using System.Text.Json;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Tests.Spec;

/// <summary>The OME-NGFF catalog in <c>spec/ome-ngff</c> and the rule IDs the OME check reports name the same rules.</summary>
public sealed class OmeCatalogTests
{
    private static List<JsonElement> Rules() => CatalogFile.Rules("ome-ngff");

    private static bool Checked(JsonElement rule) => CatalogFile.Checked(rule);

    private static IEnumerable<string> CodeIds() => CatalogFile.CodeIds(typeof(OmeRules));

    [Test]
    public void Every_rule_in_code_is_catalogued_and_every_checked_rule_is_in_code() =>
        CatalogFile.AssertMatchesCode("ome-ngff", typeof(OmeRules));

    [Test]
    public void Every_entry_is_complete_and_every_unchecked_rule_says_why()
    {
        foreach (JsonElement rule in Rules())
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.That(id, Does.StartWith("OME-"), id);
            Assert.That(rule.GetProperty("level").GetString(), Is.AnyOf("must", "should", "may"), id);
            Assert.That(rule.GetProperty("section").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("summary").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("binds").GetString(), Is.EqualTo("metadata"), id);
            Assert.That(rule.GetProperty("link").GetString(), Does.Match("^https://ngff\\.openmicroscopy\\.org/0\\.[45]/index\\.html#"), id);
            if (!Checked(rule))
            {
                Assert.That(rule.GetProperty("ruling").GetString(), Does.StartWith("Not checked"), id);
            }
        }
    }

    [Test]
    public void The_catalog_is_embedded_in_the_validator() =>
        Assert.That(CodeIds().Where(id => RuleCatalog.Default.Find(id) is null), Is.Empty);
}
