using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// An unknown codec whose definition says <c>"must_understand": false</c>: kept so that the
/// metadata is written back unchanged, and skipped when chunks are encoded or decoded.
/// </summary>
public sealed class IgnoredCodec(ExtensionObject definition) : ICodec
{
    public ExtensionObject ToDefinition() => definition;
}
