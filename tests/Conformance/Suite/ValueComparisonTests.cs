using System.Text.Json;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Validator.Suite;

namespace Conformance.Tests.Suite;

/// <summary>Printed values are held against expected ones as the bytes they denote under the data type.</summary>
public sealed class ValueComparisonTests
{
    private static JsonElement[] Values(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];

    private static ZarrDataType Type(string name) => DataTypeRegistry.Default.Resolve(new Reference.Zarr.Metadata.ExtensionObject(name), "test");

    [Test]
    public void Float_text_that_rounds_to_the_same_value_agrees()
    {
        Assert.That(ValueComparison.Differences(Type("float32"), [3], Values("""[0.1, "NaN", -0.0]"""), ["0.10000000149011612", "\"NaN\"", "-0"]), Is.Null);
    }

    [Test]
    public void A_difference_names_the_element_its_index_and_both_values()
    {
        string? differences = ValueComparison.Differences(Type("int16"), [2, 2], Values("[1, 2, 3, 4]"), ["1", "2", "5", "4"]);
        Assert.That(differences, Is.EqualTo("1 of 4 values differ\n  element 2 [1, 0]: expected 3, got 5"));
    }

    [Test]
    public void Negative_zero_and_a_nan_payload_are_told_apart()
    {
        Assert.That(ValueComparison.Differences(Type("float64"), [1], Values("[-0.0]"), ["0"]), Does.Contain("expected -0.0, got 0"));
        Assert.That(ValueComparison.Differences(Type("float32"), [1], Values("""["0x7fc00001"]"""), ["\"NaN\""]), Does.Contain("element 0"));
    }

    [Test]
    public void Missing_extra_and_unreadable_values_are_reported()
    {
        Assert.That(ValueComparison.Differences(Type("uint8"), [3], Values("[1, 2, 3]"), ["1", "2"]), Does.Contain("printed 2 values, expected 3"));
        Assert.That(ValueComparison.Differences(Type("uint8"), [1], Values("[1]"), ["1", "2"]), Does.Contain("printed 2 values, expected 1"));
        Assert.That(ValueComparison.Differences(Type("uint8"), [1], Values("[1]"), ["one"]), Does.Contain("\"one\", which is not a uint8 value"));
        Assert.That(ValueComparison.Differences(Type("int8"), [1], Values("[1]"), ["1e0"]), Does.Contain("which is not a int8 value"));
    }

    [Test]
    public void Only_the_first_few_differences_are_shown()
    {
        string? differences = ValueComparison.Differences(Type("uint8"), [10], Values("[0,0,0,0,0,0,0,0,0,0]"), [.. Enumerable.Repeat("1", 10)]);
        Assert.That(differences, Does.StartWith("10 of 10 values differ").And.EndWith("... and 5 more"));
    }
}
