using System.Collections.Concurrent;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// Maps <c>data_type</c> names to data types, so extension data types plug in. The default
/// registry knows the core types, <c>r*</c>, and the registered <c>string</c> and <c>bytes</c>.
/// </summary>
public sealed class DataTypeRegistry
{
    private readonly ConcurrentDictionary<string, Func<ExtensionObject, string, ZarrDataType>> _factories = new(StringComparer.Ordinal);

    public static DataTypeRegistry Default { get; } = CreateDefault();

    public static DataTypeRegistry CreateDefault()
    {
        var registry = new DataTypeRegistry();
        foreach (ZarrDataType type in new ZarrDataType[]
        {
            BoolDataType.Instance,
            IntegerDataType.Int8, IntegerDataType.Int16, IntegerDataType.Int32, IntegerDataType.Int64,
            IntegerDataType.UInt8, IntegerDataType.UInt16, IntegerDataType.UInt32, IntegerDataType.UInt64,
            FloatDataType.Float16, FloatDataType.Float32, FloatDataType.Float64,
            ComplexDataType.Complex64, ComplexDataType.Complex128,
            StringDataType.Instance, BytesDataType.Instance,
        })
        {
            registry.Register(type.Name, (definition, location) =>
            {
                NoConfiguration(definition, location);
                return type;
            });
        }
        return registry;
    }

    public void Register(string name, Func<ExtensionObject, string, ZarrDataType> factory) => _factories[name] = factory;

    /// <summary>The core data type that holds elements of <paramref name="type"/>, for writing arrays read from another format.</summary>
    public static ZarrDataType ForElementType(ElementType type) => type.Kind switch
    {
        ElementKind.Bool => BoolDataType.Instance,
        ElementKind.Int8 => IntegerDataType.Int8,
        ElementKind.Int16 => IntegerDataType.Int16,
        ElementKind.Int32 => IntegerDataType.Int32,
        ElementKind.Int64 => IntegerDataType.Int64,
        ElementKind.UInt8 => IntegerDataType.UInt8,
        ElementKind.UInt16 => IntegerDataType.UInt16,
        ElementKind.UInt32 => IntegerDataType.UInt32,
        ElementKind.UInt64 => IntegerDataType.UInt64,
        ElementKind.Float16 => FloatDataType.Float16,
        ElementKind.Float32 => FloatDataType.Float32,
        ElementKind.Float64 => FloatDataType.Float64,
        ElementKind.Complex64 => ComplexDataType.Complex64,
        ElementKind.Complex128 => ComplexDataType.Complex128,
        ElementKind.String => StringDataType.Instance,
        ElementKind.Bytes => BytesDataType.Instance,
        ElementKind.Raw => new RawDataType(type.Size * 8),
        _ => throw new ArgumentException($"no Zarr data type holds {type} elements", nameof(type)),
    };

    /// <summary>Resolves a parsed <c>data_type</c>; unknown names are unsupported, not invalid.</summary>
    public ZarrDataType Resolve(ExtensionObject definition, string location)
    {
        if (!definition.MustUnderstand)
        {
            throw new ConformanceException(ZarrRules.MustUnderstandNotAllowed, location, "must_understand: false is not allowed for a data type");
        }
        if (_factories.TryGetValue(definition.Name, out Func<ExtensionObject, string, ZarrDataType>? factory))
        {
            return factory(definition, location);
        }
        if (RawDataType.TryParseName(definition.Name, location) is RawDataType raw)
        {
            NoConfiguration(definition, location);
            return raw;
        }
        throw new ConformanceException(ZarrRules.UnknownDataType, location, $"data type '{definition.Name}' is not supported", Outcome.Unsupported);
    }

    private static void NoConfiguration(ExtensionObject definition, string location)
    {
        if (definition.Configuration is { Count: > 0 })
        {
            throw new ConformanceException(ZarrRules.DataTypeConfiguration, location + "/configuration", $"data type '{definition.Name}' takes no configuration");
        }
    }
}
