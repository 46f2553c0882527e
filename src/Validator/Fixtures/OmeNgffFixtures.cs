namespace Conformance.Validator.Fixtures;

public static class OmeNgffFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() => [];
}
