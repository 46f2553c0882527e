using Conformance.Validator.Fixtures.OmeNgff;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// The <c>ome-ngff</c> corpus: sound OME-Zarr 0.5 and 0.4 hierarchies (image pyramid with
/// labels, plate, bioformats2raw collection) and, for every rule of
/// <c>spec/ome-ngff/rules.json</c> a check can decide, cases made from them by one change.
/// </summary>
public static class OmeNgffFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() =>
        [.. ImageCases.Cases(), .. LabelCases.Cases(), .. PlateCases.Cases(), .. LayoutCases.Cases()];
}
