using Conformance.Validator.Fixtures.Zarr;

namespace Conformance.Validator.Fixtures;

public static class ZarrFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() => [.. ValidatorCases.Cases()];
}
