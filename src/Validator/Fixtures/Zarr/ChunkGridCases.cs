using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>The regular chunk grid: edge chunks, chunks larger than the array, and its configuration.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/chunk-grids/regular-grid/#description"/></remarks>
internal static class ChunkGridCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("chunk-grids");
        a.Valid("ragged-edges", "Edge chunks overhang the array; only the part inside the array is read.", SpecLinks.Regular,
            new FixtureArray("int16", [5, 7], [2, 3], -1, -1, Each(35, i => (i * 10) - 30)));
        a.Valid("chunk-larger-than-array", "A single chunk larger than the array holds the whole array.", SpecLinks.Regular,
            new FixtureArray("uint32", [3], [10], 9, 9, V(1, 2, 3)));
        a.Valid("three-dimensional", "A 3-d array split along every dimension, with ragged edge chunks.", SpecLinks.Regular,
            new FixtureArray("int32", [3, 4, 5], [2, 3, 2], 0, 0, Each(60, i => i - 30)));

        a.Bad("unknown-grid", "A chunk grid this implementation does not know is unsupported.",
            Core("array-metadata-chunk-grid"), "ZARR-GRID-001",
            Base(("chunk_grid", new JsonMembers { { "name", "example.unknown-grid" }, { "configuration", new JsonMembers { { "chunk_shape", L(4) } } } })),
            expect: "unsupported");
        a.Bad("rank-mismatch", "chunk_shape must have one length per array dimension.", SpecLinks.Regular, "ZARR-GRID-002",
            Base(("chunk_grid", Definitions.Regular(2, 2))));
        a.Bad("zero-chunk-length", "Chunk lengths must be greater than zero.", SpecLinks.Regular, "ZARR-GRID-002",
            Base(("chunk_grid", Definitions.Regular(0))));
        a.Bad("chunk-shape-missing", "The regular grid needs chunk_shape.", SpecLinks.Regular, "ZARR-GRID-002",
            Base(("chunk_grid", new JsonMembers { { "name", "regular" }, { "configuration", new JsonMembers() } })));
        a.Bad("chunk-length-fraction", "Chunk lengths are integers.", SpecLinks.Regular, "ZARR-GRID-002",
            Base(("chunk_grid", Definitions.Regular(R("2.5")))));
        return a.Cases;
    }
}
