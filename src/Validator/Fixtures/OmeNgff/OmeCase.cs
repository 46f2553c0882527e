namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>Makes the cases of the <c>ome-ngff</c> corpus from an <see cref="OmeStore"/>.</summary>
internal static class OmeCase
{
    public const string Corpus = "ome-ngff";

    /// <summary>A section of the 0.5 text, by its anchor.</summary>
    public static string V05(string anchor) => "https://ngff.openmicroscopy.org/0.5/index.html#" + anchor;

    /// <summary>A section of the 0.4 text, for what only 0.4 says.</summary>
    public static string V04(string anchor) => "https://ngff.openmicroscopy.org/0.4/index.html#" + anchor;

    /// <summary>A sound hierarchy; <paramref name="warnings"/> are the recommendations it breaks on purpose.</summary>
    public static FixtureCase Valid(string area, string name, string description, string spec, OmeStore store, params string[] warnings) =>
        store.Into(new FixtureCase(Corpus, area, name, description, spec, "valid", warnings: warnings));

    /// <summary>A hierarchy breaking exactly <paramref name="rules"/> (requirements, errors in every profile).</summary>
    public static FixtureCase Invalid(string area, string name, string description, string spec, OmeStore store, params string[] rules) =>
        store.Into(new FixtureCase(Corpus, area, name, description, spec, "invalid", rules: rules));

    /// <summary>A hierarchy a checker may decline to judge, reporting <paramref name="rules"/>.</summary>
    public static FixtureCase Unsupported(string area, string name, string description, string spec, OmeStore store, params string[] rules) =>
        store.Into(new FixtureCase(Corpus, area, name, description, spec, "unsupported", rules: rules));
}
