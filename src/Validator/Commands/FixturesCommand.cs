using System.Globalization;
using Conformance.Validator.Fixtures;

namespace Conformance.Validator.Commands;

/// <summary><c>conformance fixtures generate DIR</c>: writes the fixture corpora and prints how many cases each area holds.</summary>
public static class FixturesCommand
{
    /// <summary>Every case of every corpus, in a stable order.</summary>
    public static IReadOnlyList<FixtureCase> AllCases() => [.. ZarrFixtures.Cases(), .. OmeNgffFixtures.Cases(), .. GiftiFixtures.Cases(), .. FreeSurferFixtures.Cases(), .. SurfaceZarrFixtures.Cases()];

    public static async Task GenerateAsync(string root, TextWriter output, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<FixtureCase> cases = AllCases();
        FixtureWriter.Write(cases, root);
        foreach (IGrouping<(string Corpus, string Area), FixtureCase> area in cases.GroupBy(c => (c.Corpus, c.Area)).OrderBy(g => g.Key.Corpus, StringComparer.Ordinal).ThenBy(g => g.Key.Area, StringComparer.Ordinal))
        {
            string counts = string.Join(", ", area.GroupBy(c => c.Expect).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            await output.WriteLineAsync($"{area.Key.Corpus}/{area.Key.Area,-16} {counts}".AsMemory(), cancellationToken);
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} cases written to {root}").AsMemory(), cancellationToken);
    }
}
