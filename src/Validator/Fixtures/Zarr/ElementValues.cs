using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Data types: one element as the bytes codec encodes it, and as <c>case.json</c> and fill values
/// write it. Elements are <see cref="bool"/>, integers (any width, <see cref="BigInteger"/>
/// included), floats held as their bit patterns (so NaN payloads and -0.0 survive), complex
/// numbers as a pair of such bit patterns, byte arrays for raw and bytes types, and strings.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/data-types/#core-data-types"/></remarks>
internal static class ElementValues
{
    /// <summary>Byte width and signedness of each integer type.</summary>
    public static readonly IReadOnlyDictionary<string, (int Width, bool Signed)> Integers = new Dictionary<string, (int, bool)>(StringComparer.Ordinal)
    {
        ["int8"] = (1, true),
        ["int16"] = (2, true),
        ["int32"] = (4, true),
        ["int64"] = (8, true),
        ["uint8"] = (1, false),
        ["uint16"] = (2, false),
        ["uint32"] = (4, false),
        ["uint64"] = (8, false),
    };

    private static readonly Dictionary<string, int> FloatWidths = new(StringComparer.Ordinal) { ["float16"] = 2, ["float32"] = 4, ["float64"] = 8 };

    private static readonly Dictionary<string, int> ComplexPartWidths = new(StringComparer.Ordinal) { ["complex64"] = 4, ["complex128"] = 8 };

    public static BigInteger Minimum(string dataType)
    {
        (int width, bool signed) = Integers[dataType];
        return signed ? -(BigInteger.One << ((8 * width) - 1)) : BigInteger.Zero;
    }

    public static BigInteger Maximum(string dataType)
    {
        (int width, bool signed) = Integers[dataType];
        return (BigInteger.One << ((8 * width) - (signed ? 1 : 0))) - 1;
    }

    public static BigInteger Integer(object? value) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort u => u,
        byte b => b,
        sbyte s => s,
        _ => throw new ArgumentException($"not an integer: {value}", nameof(value)),
    };

    /// <summary>The canonical NaN of each width: the quiet bit and nothing else.</summary>
    public static ulong CanonicalNaN(int width) => width switch
    {
        2 => 0x7E00,
        4 => 0x7FC00000,
        _ => 0x7FF8000000000000,
    };

    private static int MantissaBits(int width) => width switch
    {
        2 => 10,
        4 => 23,
        _ => 52,
    };

    public static ulong InfinityBits(int width, bool negative = false)
    {
        int m = MantissaBits(width);
        ulong bits = ((1UL << ((width * 8) - 1 - m)) - 1) << m;
        return negative ? bits | (1UL << ((width * 8) - 1)) : bits;
    }

    /// <summary>Bits of the float <paramref name="x"/>, which must be exactly representable at this width.</summary>
    public static ulong FloatBits(int width, double x)
    {
        (ulong bits, double back) = width switch
        {
            2 => (BitConverter.HalfToUInt16Bits((Half)x), (double)(Half)x),
            4 => (BitConverter.SingleToUInt32Bits((float)x), (double)(float)x),
            _ => (BitConverter.DoubleToUInt64Bits(x), x),
        };
        if (BitConverter.DoubleToUInt64Bits(back) != BitConverter.DoubleToUInt64Bits(x))
        {
            throw new ArgumentException($"{x} is not exact at {width} bytes", nameof(x));
        }
        return bits;
    }

    /// <summary>Bits of a float named as the spec names non-finite fill values.</summary>
    public static ulong FloatBits(int width, string name) => name switch
    {
        "NaN" => CanonicalNaN(width),
        "Infinity" => InfinityBits(width),
        "-Infinity" => InfinityBits(width, negative: true),
        _ => throw new ArgumentException($"no float named {name}", nameof(name)),
    };

    /// <summary>The JSON form of a float given by its bits, as Zarr writes fill values.</summary>
    /// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/data-types/#permitted-fill-values"/></remarks>
    public static object FloatJson(int width, ulong bits)
    {
        int m = MantissaBits(width);
        int e = (width * 8) - 1 - m;
        ulong exponent = (bits >> m) & ((1UL << e) - 1);
        ulong mantissa = bits & ((1UL << m) - 1);
        bool negative = (bits >> ((width * 8) - 1)) != 0;
        if (exponent == (1UL << e) - 1)
        {
            if (mantissa == 0)
            {
                return negative ? "-Infinity" : "Infinity";
            }
            return bits == CanonicalNaN(width) ? "NaN" : "0x" + bits.ToString("x" + (width * 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        double value = width switch
        {
            2 => (double)BitConverter.UInt16BitsToHalf((ushort)bits),
            4 => BitConverter.UInt32BitsToSingle((uint)bits),
            _ => BitConverter.UInt64BitsToDouble(bits),
        };
        // The shortest text that reads back as this double; the value is exactly representable
        // at the target width, so rounding the text straight to that width gives the same value.
        return new JsonRaw(PythonRepr(value));
    }

    /// <summary>
    /// The shortest decimal that reads back as <paramref name="value"/>, laid out as Python's
    /// <c>repr</c> does: positional from 1e-4 up to 1e16 (with <c>.0</c> on whole numbers),
    /// else <c>d.ddde±XX</c>.
    /// </summary>
    public static string PythonRepr(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("only finite values have a decimal form", nameof(value));
        }
        string shortest = value.ToString("R", CultureInfo.InvariantCulture);
        string sign = shortest.StartsWith('-') ? "-" : "";
        string unsigned = shortest.TrimStart('-');
        int exponent = 0;
        int e = unsigned.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(unsigned[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            unsigned = unsigned[..e];
        }
        int dot = unsigned.IndexOf('.', StringComparison.Ordinal);
        string whole = dot >= 0 ? unsigned[..dot] : unsigned;
        string digits = whole + (dot >= 0 ? unsigned[(dot + 1)..] : "");
        int point = whole.Length + exponent;
        int leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0').TrimEnd('0');
        point -= leading;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }
        if (point is > -4 and <= 16)
        {
            if (point <= 0)
            {
                return sign + "0." + new string('0', -point) + digits;
            }
            if (point >= digits.Length)
            {
                return sign + digits + new string('0', point - digits.Length) + ".0";
            }
            return sign + digits[..point] + "." + digits[point..];
        }
        int power = point - 1;
        string mantissa = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
        return sign + mantissa + "e" + (power < 0 ? "-" : "+") + Math.Abs(power).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Bytes per element of a raw type <c>rN</c>, or null for any other type.</summary>
    public static int? RawSize(string dataType) =>
        dataType.Length > 1 && dataType[0] == 'r' && dataType[1..].All(char.IsAsciiDigit) ? int.Parse(dataType[1..], CultureInfo.InvariantCulture) / 8 : null;

    /// <summary>One element as the bytes codec encodes it.</summary>
    /// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/bytes/#format-and-algorithm"/></remarks>
    public static byte[] ElementBytes(string dataType, object value, bool bigEndian)
    {
        if (dataType == "bool")
        {
            return [(bool)value ? (byte)1 : (byte)0];
        }
        if (Integers.TryGetValue(dataType, out (int Width, bool Signed) integer))
        {
            BigInteger v = Integer(value);
            if (v < Minimum(dataType) || v > Maximum(dataType))
            {
                throw new ArgumentException($"{v} is outside {dataType}", nameof(value));
            }
            return Unsigned(integer.Signed ? unchecked((ulong)(long)v) : (ulong)v, integer.Width, bigEndian);
        }
        if (FloatWidths.TryGetValue(dataType, out int width))
        {
            return Unsigned(Bits(value, width), width, bigEndian);
        }
        if (ComplexPartWidths.TryGetValue(dataType, out int part))
        {
            (ulong real, ulong imaginary) = ((ulong, ulong))value;
            return [.. Unsigned(Bits(real, part), part, bigEndian), .. Unsigned(Bits(imaginary, part), part, bigEndian)];
        }
        if (RawSize(dataType) is int n)
        {
            byte[] raw = (byte[])value;
            if (raw.Length != n)
            {
                throw new ArgumentException($"a {dataType} element has {n} bytes", nameof(value));
            }
            return raw;
        }
        throw new ArgumentException("bytes codec cannot encode " + dataType, nameof(dataType));
    }

    /// <summary>One element as <c>case.json</c> lists it.</summary>
    public static object? ElementJson(string dataType, object value)
    {
        if (dataType == "bool" || Integers.ContainsKey(dataType) || dataType == "string")
        {
            return value;
        }
        if (FloatWidths.TryGetValue(dataType, out int width))
        {
            return FloatJson(width, (ulong)Integer(value));
        }
        if (ComplexPartWidths.TryGetValue(dataType, out int part))
        {
            (ulong real, ulong imaginary) = ((ulong, ulong))value;
            return new List<object?> { FloatJson(part, real), FloatJson(part, imaginary) };
        }
        if (dataType == "bytes" || RawSize(dataType) is not null)
        {
            return ((byte[])value).Select(b => (object?)(int)b).ToList();
        }
        throw new ArgumentException("no JSON form for " + dataType, nameof(dataType));
    }

    /// <summary>Whether two elements are the same: equal bytes under the bytes codec, or equal strings and byte strings.</summary>
    public static bool SameElement(string dataType, object a, object b) => dataType switch
    {
        "string" => (string)a == (string)b,
        "bytes" => ((byte[])a).AsSpan().SequenceEqual((byte[])b),
        _ => ElementBytes(dataType, a, bigEndian: false).AsSpan().SequenceEqual(ElementBytes(dataType, b, bigEndian: false)),
    };

    /// <summary>Float bits as an unsigned number that fits the width, as <c>struct.pack</c> insists.</summary>
    private static ulong Bits(object value, int width)
    {
        BigInteger bits = Integer(value);
        if (bits < 0 || bits >> (8 * width) != 0)
        {
            throw new ArgumentException($"{bits} does not fit {width} bytes", nameof(value));
        }
        return (ulong)bits;
    }

    private static byte[] Unsigned(ulong value, int width, bool bigEndian)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        byte[] output = bytes[..width];
        if (bigEndian)
        {
            Array.Reverse(output);
        }
        return output;
    }
}
