using System.Text.Json;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Spec;
using Conformance.Validator.Validation.FreeSurfer;

namespace Conformance.Tests.FreeSurfer;

/// <summary>The catalog in <c>spec/freesurfer</c> and the rule IDs in code (the reference reader's and the validator's) name the same rules.</summary>
public sealed class FreeSurferCatalogTests
{
    private static List<JsonElement> Rules() => CatalogFile.Rules("freesurfer");

    [Test]
    public void Every_rule_in_code_is_catalogued_and_every_checked_rule_is_in_code() =>
        CatalogFile.AssertMatchesCode("freesurfer", typeof(FreeSurferRules), typeof(FreeSurferValidationRules));

    [Test]
    public void Every_entry_is_complete_and_every_unchecked_rule_says_why()
    {
        foreach (JsonElement rule in Rules())
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.That(id, Does.Match("^FS-(SURF|CURV|ANNOT|LABEL|FILE)-[0-9]{3}$"), id);
            Assert.That(rule.GetProperty("level").GetString(), Is.AnyOf("must", "should", "may"), id);
            Assert.That(rule.GetProperty("section").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("summary").GetString(), Is.Not.Empty, id);
            Assert.That(rule.GetProperty("binds").GetString(), Is.AnyOf("data", "reader", "writer"), id);
            Assert.That(rule.GetProperty("link").GetString(), Does.StartWith("https://github.com/freesurfer/freesurfer/").Or.StartWith("https://github.com/nipy/nibabel/").Or.StartWith("https://surfer.nmr.mgh.harvard.edu/fswiki/"), id);
            if (!CatalogFile.Checked(rule))
            {
                Assert.That(rule.GetProperty("ruling").GetString(), Is.Not.Empty, id);
            }
            else
            {
                Assert.That(rule.GetProperty("binds").GetString(), Is.EqualTo("data"), id + ": what readers and writers do cannot be checked from stored data");
            }
        }
    }
}
