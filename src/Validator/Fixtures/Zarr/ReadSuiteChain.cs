namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// A codec chain of the read suite. <see cref="Build"/> gives the chain for a data type and
/// shape, varied by an integer so that the cases of one chain differ in their configurations,
/// and the phrase a case description uses for it.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/core/#chunk-encoding"/></remarks>
internal sealed record ReadSuiteChain(string Tag, string Spec, bool MultiDimensional, bool Sharded,
    Func<string, ReadSuiteShape, int, (List<object?> Codecs, string Phrase)> Build)
{
    /// <summary>Whether the chain can encode arrays of this shape: transposes need two dimensions or more, shards at least one.</summary>
    public bool Fits(ReadSuiteShape shape) => (!MultiDimensional || shape.Rank >= 2) && (!Sharded || shape.Rank >= 1);
}
