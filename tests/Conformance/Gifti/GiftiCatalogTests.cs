using System.Text.Json;
using Conformance.Reference.Gifti;
using Conformance.Tests.Spec;
using Conformance.Validator.Validation.Gifti;

namespace Conformance.Tests.Gifti;

/// <summary>
/// The GIFTI catalog in <c>spec/gifti</c> and the rule IDs the reference and the validator report
/// name the same rules: the reader's in <see cref="GiftiRules"/>, the validator's own in
/// <see cref="GiftiValidatorRules"/>.
/// </summary>
public sealed class GiftiCatalogTests
{
    private static List<JsonElement> Rules() => CatalogFile.Rules("gifti");

    [Test]
    public void Every_rule_in_code_is_catalogued_and_every_checked_rule_is_in_code() =>
        CatalogFile.AssertMatchesCode("gifti", typeof(GiftiRules), typeof(GiftiValidatorRules));

    [Test]
    public void Every_entry_is_complete_and_every_unchecked_rule_says_why()
    {
        foreach (JsonElement rule in Rules())
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.That(id, Does.Match("^GIFTI-[A-Z]+-[0-9]{3}$"), id);
            Assert.That(rule.GetProperty("level").GetString(), Is.AnyOf("must", "should", "may"), id);
            Assert.That(rule.GetProperty("section").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("summary").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("binds").GetString(), Is.AnyOf("data", "reader", "writer"), id);
            Assert.That(rule.GetProperty("link").GetString(), Does.StartWith("https://www.nitrc.org/"), id);
            if (!CatalogFile.Checked(rule))
            {
                Assert.That(rule.GetProperty("ruling").GetString(), Is.Not.Empty, id);
            }
            else
            {
                Assert.That(rule.GetProperty("binds").GetString(), Is.Not.EqualTo("writer"), id + ": what writers do cannot be checked from stored data");
            }
        }
    }
}
