using Conformance.Validator.Fixtures.FreeSurfer;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// The <c>freesurfer</c> corpus: sound surface, curvature, annotation and label files in every
/// layout, and, for every rule of <c>spec/freesurfer/rules.json</c> a file can break, a case
/// made from one of them by one change. Each case's store holds one file, named as FreeSurfer
/// names it.
/// </summary>
public static class FreeSurferFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() =>
        [.. SurfaceCases.Cases(), .. PerVertexCases.Cases()];
}
