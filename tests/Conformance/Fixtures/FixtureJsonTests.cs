using System.Numerics;
using System.Text.Json;
using Conformance.Validator.Fixtures;

namespace Conformance.Tests.Fixtures;

/// <summary>The fixture documents' JSON text is fixed: exact number tokens, repeated names, one stable layout.</summary>
public sealed class FixtureJsonTests
{
    [Test]
    public void Objects_put_one_member_per_line_and_keep_repeated_names()
    {
        var document = new JsonMembers { { "a", 1 }, { "a", new JsonMembers() }, { "b", new List<object?>() } };
        Assert.That(FixtureJson.Text(document), Is.EqualTo("{\n  \"a\": 1,\n  \"a\": {},\n  \"b\": []\n}"));
    }

    [Test]
    public void Numbers_are_written_from_their_exact_text_and_floats_are_refused()
    {
        Assert.That(FixtureJson.Text(new List<object?> { new JsonRaw("1e2"), new JsonRaw("-0"), BigInteger.Pow(2, 64), ulong.MaxValue, -3L }),
            Is.EqualTo("[1e2, -0, 18446744073709551616, 18446744073709551615, -3]"));
        Assert.Throws<ArgumentException>(() => FixtureJson.Text(0.5));
    }

    [Test]
    public void Short_lists_of_scalars_stay_on_one_line_and_long_ones_break()
    {
        List<object?> shortList = [1, 2, new List<object?> { 3, 4 }];
        Assert.That(FixtureJson.Text(shortList), Is.EqualTo("[1, 2, [3, 4]]"));
        List<object?> longList = [.. Enumerable.Range(0, 40).Cast<object?>()];
        string text = FixtureJson.Text(new JsonMembers { { "values", longList } });
        Assert.That(text.Split('\n'), Has.Length.EqualTo(40 + 4));
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("values").GetArrayLength(), Is.EqualTo(40));
    }

    [Test]
    public void Strings_escape_what_JSON_requires_and_keep_other_text()
    {
        string text = FixtureJson.Text("q\"b\\n\n\u0001é𝄞");
        Assert.That(text, Is.EqualTo("\"q\\\"b\\\\n\\n\\u0001é𝄞\""));
        Assert.That(JsonDocument.Parse(text).RootElement.GetString(), Is.EqualTo("q\"b\\n\n\u0001é𝄞"));
    }

    [Test]
    public void A_deep_copy_is_independent_of_its_original()
    {
        var original = new JsonMembers { { "list", new List<object?> { 1 } }, { "inner", new JsonMembers { { "x", 1 } } } };
        JsonMembers copy = original.DeepCopy();
        ((JsonMembers)copy["inner"]!)["x"] = 2;
        ((List<object?>)copy["list"]!).Add(2);
        Assert.That(FixtureJson.Text(original), Is.EqualTo("{\n  \"list\": [1],\n  \"inner\": {\n    \"x\": 1\n  }\n}"));
    }
}
