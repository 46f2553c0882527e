namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>Short forms for building and editing the JSON of OME fixture documents.</summary>
internal static class Doc
{
    public static List<object?> List(params object?[] items) => [.. items];

    /// <summary>A number with its exact text: every non-integer in a fixture document is one.</summary>
    public static JsonRaw Num(string text) => new(text);

    /// <summary>A list of numbers, each with its exact text ("1", "0.25").</summary>
    public static List<object?> Nums(params string[] texts) => [.. texts.Select(t => (object?)new JsonRaw(t))];

    /// <summary>A member value as an object, for editing in place.</summary>
    public static JsonMembers Members(object? value) => value as JsonMembers ?? throw new InvalidOperationException("not a JSON object");

    /// <summary>A member value as a list, for editing in place.</summary>
    public static List<object?> Items(object? value) => value as List<object?> ?? throw new InvalidOperationException("not a JSON list");
}
