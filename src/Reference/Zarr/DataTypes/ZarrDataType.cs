using System.Text.Json;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// A Zarr v3 data type (core spec, "Data types"; extensions from zarr-extensions): its
/// identifier, the in-memory element type and the JSON form of its fill value.
/// </summary>
public abstract class ZarrDataType
{
    /// <summary>The identifier written in <c>data_type</c>.</summary>
    public abstract string Name { get; }

    public abstract ElementType ElementType { get; }

    /// <summary>The fill value used when a writer leaves it unspecified.</summary>
    public abstract byte[] DefaultFillValue { get; }

    /// <summary>The <c>data_type</c> member as written.</summary>
    public virtual ExtensionObject ToDefinition() => new(Name, shortHand: true);

    /// <summary>Parses <c>fill_value</c>, returning the element bytes (little-endian) or variable-length value.</summary>
    public abstract byte[] ParseFillValue(JsonElement value, string location);

    /// <summary>Writes a fill value (or any element) in this type's JSON form.</summary>
    public virtual void WriteFillValue(Utf8JsonWriter writer, ReadOnlySpan<byte> value) => ElementJson.Write(writer, ElementType, value);

    public override string ToString() => Name;
}
