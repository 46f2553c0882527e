using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>A codec of any of the three kinds (core spec, "Codecs").</summary>
public interface ICodec
{
    /// <summary>The codec's entry in <c>codecs</c>, as it is written.</summary>
    ExtensionObject ToDefinition();
}
