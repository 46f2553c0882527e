using Conformance.Validator.Fixtures.Zarr;

namespace Conformance.Validator.Fixtures;

/// <summary>The Zarr v3 conformance corpus (<c>zarr-v3</c>), area by area.</summary>
public static class ZarrFixtures
{
    public static IReadOnlyList<FixtureCase> Cases() =>
    [
        .. MetadataCases.Cases(),
        .. DataTypeCases.Cases(),
        .. FillValueCases.Cases(),
        .. ChunkGridCases.Cases(),
        .. ChunkKeyCases.Cases(),
        .. CodecCases.Cases(),
        .. BloscCases.Cases(),
        .. HierarchyCases.Cases(),
        .. ExtensionCases.Cases(),
        .. ShardingCases.Cases(),
        .. HostileCases.Cases(),
        .. ValidatorCases.Cases(),
        .. ReadSuiteCases.Cases(),
    ];
}
