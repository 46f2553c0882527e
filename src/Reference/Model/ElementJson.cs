using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Conformance.Reference.Model;

/// <summary>
/// Writes one element as JSON in the form Zarr v3 uses for fill values (core spec, "Permitted
/// fill values"): booleans, exact integers, floats as numbers or "NaN"/"Infinity"/"-Infinity"
/// or a hex bit pattern, complex as a two-element array, raw and byte strings as byte lists.
/// </summary>
public static class ElementJson
{
    public static void Write(Utf8JsonWriter writer, ElementType type, ReadOnlySpan<byte> element)
    {
        switch (type.Kind)
        {
            case ElementKind.Bool:
                writer.WriteBooleanValue(element[0] != 0);
                break;
            case ElementKind.Int8:
                writer.WriteNumberValue((sbyte)element[0]);
                break;
            case ElementKind.Int16:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(element));
                break;
            case ElementKind.Int32:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(element));
                break;
            case ElementKind.Int64:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(element));
                break;
            case ElementKind.UInt8:
                writer.WriteNumberValue(element[0]);
                break;
            case ElementKind.UInt16:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(element));
                break;
            case ElementKind.UInt32:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(element));
                break;
            case ElementKind.UInt64:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(element));
                break;
            case ElementKind.Float16:
            case ElementKind.Float32:
            case ElementKind.Float64:
                WriteFloat(writer, element);
                break;
            case ElementKind.Complex64:
            case ElementKind.Complex128:
                writer.WriteStartArray();
                WriteFloat(writer, element[..(element.Length / 2)]);
                WriteFloat(writer, element[(element.Length / 2)..]);
                writer.WriteEndArray();
                break;
            case ElementKind.String:
                writer.WriteStringValue(element);
                break;
            case ElementKind.Raw:
            case ElementKind.Bytes:
                writer.WriteStartArray();
                foreach (byte b in element)
                {
                    writer.WriteNumberValue(b);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "no JSON form");
        }
    }

    /// <summary>An IEEE 754 value of 2, 4 or 8 little-endian bytes.</summary>
    public static void WriteFloat(Utf8JsonWriter writer, ReadOnlySpan<byte> bits)
    {
        string? special = FloatBits.SpecialName(bits);
        if (special is not null)
        {
            writer.WriteStringValue(special);
            return;
        }
        string text = bits.Length switch
        {
            2 => BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(bits)).ToString("R", CultureInfo.InvariantCulture),
            4 => BinaryPrimitives.ReadSingleLittleEndian(bits).ToString("R", CultureInfo.InvariantCulture),
            _ => BinaryPrimitives.ReadDoubleLittleEndian(bits).ToString("R", CultureInfo.InvariantCulture),
        };
        writer.WriteRawValue(text, skipInputValidation: true);
    }
}
