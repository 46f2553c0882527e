using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Model;

namespace Conformance.Reference.Zarr.DataTypes;

/// <summary>
/// <c>r8</c>, <c>r16</c>, …: opaque elements of N bits, N a multiple of 8. The fill value is
/// an array of byte values. The core spec says its length is "equal to N"; every
/// implementation we know writes one integer per byte (N/8), which is also the only reading
/// under which each integer is a byte, so that is what we read and write.
/// </summary>
public sealed class RawDataType : ZarrDataType
{
    public RawDataType(int bits)
    {
        if (bits <= 0 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "raw types have a positive multiple of 8 bits");
        }
        Bits = bits;
        ElementType = ElementType.Raw(bits / 8);
    }

    public int Bits { get; }

    public override string Name => "r" + Bits.ToString(CultureInfo.InvariantCulture);

    public override ElementType ElementType { get; }

    public override byte[] DefaultFillValue => new byte[ElementType.Size];

    /// <summary>Parses "rN", returning null when the name is not of that form.</summary>
    public static RawDataType? TryParseName(string name, string location)
    {
        if (name.Length < 2 || name[0] != 'r' || name.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }
        if (!int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int bits) || bits == 0 || bits % 8 != 0 || name[1] == '0')
        {
            throw new ConformanceException(ZarrRules.RawDataType, location, $"'{name}': raw types have a positive multiple of 8 bits, written without leading zeros");
        }
        if (bits / 8 > 1 << 20)
        {
            throw new ConformanceException(ZarrRules.RawDataType, location, $"'{name}' is larger than the {8 << 20}-bit raw elements we support", Outcome.Unsupported);
        }
        return new RawDataType(bits);
    }

    public override byte[] ParseFillValue(JsonElement value, string location) =>
        ByteList.Parse(value, ElementType.Size, location, ZarrRules.FillRaw)
        ?? throw new ConformanceException(ZarrRules.FillRaw, location, $"a {Name} fill value must be an array of {ElementType.Size} integers in [0, 255]");
}
