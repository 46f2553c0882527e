using System.Collections.Concurrent;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.Codecs;

/// <summary>
/// Maps codec names to factories that parse a codec's definition, so extension codecs plug
/// in. The default registry knows the core codecs (sharding_indexed and blosc included) and the registered <c>zstd</c>,
/// <c>vlen-utf8</c> and <c>vlen-bytes</c>.
/// </summary>
public sealed class CodecRegistry
{
    private readonly ConcurrentDictionary<string, Func<ExtensionObject, string, ICodec>> _factories = new(StringComparer.Ordinal);

    public static CodecRegistry Default { get; } = CreateDefault();

    public static CodecRegistry CreateDefault()
    {
        var registry = new CodecRegistry();
        registry.Register(BytesCodec.CodecName, BytesCodec.Parse);
        registry.Register(TransposeCodec.CodecName, TransposeCodec.Parse);
        registry.Register(GzipCodec.CodecName, GzipCodec.Parse);
        registry.Register(ZstdCodec.CodecName, ZstdCodec.Parse);
        registry.Register(Crc32cCodec.CodecName, Crc32cCodec.Parse);
        registry.Register(BloscCodec.CodecName, BloscCodec.Parse);
        registry.Register(VlenCodec.Utf8.Name, VlenCodec.Utf8.WithoutConfiguration);
        registry.Register(VlenCodec.Bytes.Name, VlenCodec.Bytes.WithoutConfiguration);
        registry.Register(ShardingCodec.CodecName, (definition, location) => ShardingCodec.Parse(definition, location, registry));
        return registry;
    }

    public void Register(string name, Func<ExtensionObject, string, ICodec> factory) => _factories[name] = factory;

    /// <summary>
    /// The codec a definition names. An unknown codec marked <c>must_understand: false</c>
    /// becomes an <see cref="IgnoredCodec"/>; any other unknown codec is unsupported.
    /// </summary>
    public ICodec Resolve(ExtensionObject definition, string location)
    {
        if (_factories.TryGetValue(definition.Name, out Func<ExtensionObject, string, ICodec>? factory))
        {
            return factory(definition, location);
        }
        if (!definition.MustUnderstand)
        {
            return new IgnoredCodec(definition);
        }
        throw new ConformanceException(ZarrRules.UnknownCodec, location, $"codec '{definition.Name}' is not supported", Outcome.Unsupported);
    }
}
