using Conformance.Validator.Fixtures.SurfaceZarr;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// The <c>surface-zarr</c> corpus: surfaces stored by the reference converter following
/// <c>spec/surface-zarr</c>, and for each rule of its catalog a case made by one change.
/// </summary>
public static class SurfaceZarrFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() => [.. SurfaceCases.Cases()];
}
