using System.Text.Json;

namespace Conformance.Validator.Fixtures;

/// <summary>Reading the lists of a fixture's <c>case.json</c> (see <see cref="FixtureCase.Manifest"/>).</summary>
public static class FixtureManifest
{
    /// <summary>The rules an invalid or unsupported case breaks; none for a valid one.</summary>
    public static string[] Rules(JsonElement manifest) => Strings(manifest, "rules");

    /// <summary>The recommendations a case breaks on purpose.</summary>
    public static string[] Warnings(JsonElement manifest) => Strings(manifest, "warnings");

    private static string[] Strings(JsonElement manifest, string member) =>
        manifest.TryGetProperty(member, out JsonElement list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];
}
