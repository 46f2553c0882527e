using Conformance.Validator.Fixtures.Gifti;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// The GIFTI corpus (<c>fixtures/gifti</c>): sound files in every encoding, byte order and
/// indexing order, and for each rule the validator checks a case that breaks it by one change
/// to a sound file.
/// </summary>
public static class GiftiFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() => [.. GiftiCases.Valid(), .. GiftiCases.Invalid()];
}
