using System.Numerics;
using System.Text;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// Elements and fill values of the read suite for each data type: pools of the values a reader
/// is most likely to get wrong (extremes, NaN with and without a payload, infinities, -0.0,
/// empty and non-ASCII strings) that the cases cycle through, and the fill values spread over
/// the cases, each as <c>zarr.json</c> writes it and as an element.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/data-types/#permitted-fill-values"/></remarks>
internal static class ReadSuiteValues
{
    private static readonly Dictionary<string, int> FloatWidths = new(StringComparer.Ordinal) { ["float16"] = 2, ["float32"] = 4, ["float64"] = 8 };

    private static readonly Dictionary<string, int> ComplexPartWidths = new(StringComparer.Ordinal) { ["complex64"] = 4, ["complex128"] = 8 };

    private static readonly string[] Strings =
    [
        "", "a", "ünïcødé", "日本語", "emoji 🎉", "tab\tand\u0000nul", "a string longer than thirty-two bytes, to be sure", "none ✓", "x",
    ];

    /// <summary>The bytes one element takes under the bytes codec: Blosc's typesize.</summary>
    public static int ElementSize(string dataType) =>
        dataType == "bool" ? 1
        : Integers.TryGetValue(dataType, out (int Width, bool Signed) integer) ? integer.Width
        : FloatWidths.TryGetValue(dataType, out int width) ? width
        : ComplexPartWidths.TryGetValue(dataType, out int part) ? 2 * part
        : RawSize(dataType) ?? throw new ArgumentException(dataType + " has no fixed size", nameof(dataType));

    /// <summary>The fill values the cases of a data type take in turn, as JSON and as an element.</summary>
    public static IReadOnlyList<(object? Json, object Element)> Fills(string dataType)
    {
        if (dataType == "bool")
        {
            return [(false, false), (true, true)];
        }
        if (Integers.TryGetValue(dataType, out (int Width, bool Signed) integer))
        {
            BigInteger[] fills = integer.Signed ? [0, -7, Maximum(dataType), Minimum(dataType)] : [0, 42, Maximum(dataType)];
            return [.. fills.Select(v => ((object?)v, (object)v))];
        }
        if (FloatWidths.TryGetValue(dataType, out int width))
        {
            return [.. FloatPool(width)[..7].Select(bits => (FloatJson(width, bits), (object)bits))];
        }
        if (ComplexPartWidths.TryGetValue(dataType, out int part))
        {
            ulong[] pool = FloatPool(part);
            (ulong, ulong)[] pairs = [(pool[0], pool[0]), (pool[1], pool[4]), (pool[2], pool[5]), (pool[6], pool[3])];
            return [.. pairs.Select(p => ((object?)L(FloatJson(part, p.Item1), FloatJson(part, p.Item2)), (object)p))];
        }
        if (RawSize(dataType) is int n)
        {
            byte[][] raws = [new byte[n], [.. Enumerable.Range(1, n).Select(b => (byte)b)], [.. Enumerable.Repeat((byte)0xff, n)]];
            return [.. raws.Select(r => ((object?)L([.. r.Select(b => (object?)(int)b)]), (object)r))];
        }
        return dataType switch
        {
            "string" => [("", ""), ("none ✓", "none ✓")],
            "bytes" => [(L(), Array.Empty<byte>()), (L(0, 1, 254), new byte[] { 0, 1, 254 })],
            _ => throw new ArgumentException("no fill values for " + dataType, nameof(dataType)),
        };
    }

    /// <summary>Element <paramref name="k"/> of the data type's pool, starting at <paramref name="seed"/>.</summary>
    public static object Value(string dataType, int k, int seed)
    {
        int at = k + seed;
        if (dataType == "bool")
        {
            return at % 3 != 1;
        }
        if (Integers.ContainsKey(dataType))
        {
            BigInteger[] pool = IntegerPool(dataType);
            return pool[at % pool.Length];
        }
        if (FloatWidths.TryGetValue(dataType, out int width))
        {
            ulong[] pool = FloatPool(width);
            return pool[at % pool.Length];
        }
        if (ComplexPartWidths.TryGetValue(dataType, out int part))
        {
            ulong[] pool = FloatPool(part);
            return (pool[at % pool.Length], pool[((3 * at) + 7) % pool.Length]);
        }
        if (RawSize(dataType) is int n)
        {
            return at % 9 == 2 ? Enumerable.Repeat((byte)0xff, n).ToArray() : Enumerable.Range(0, n).Select(b => (byte)((at * 37) + (b * 101) + 5)).ToArray();
        }
        return dataType switch
        {
            "string" => Strings[at % Strings.Length],
            "bytes" => at % 6 == 0 ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(Strings[at % Strings.Length]).Append((byte)(at * 29)).ToArray(),
            _ => throw new ArgumentException("no values for " + dataType, nameof(dataType)),
        };
    }

    /// <summary>
    /// Extremes, small numbers and zero of an integer type, then numbers counting up: the
    /// fill values of <see cref="Fills"/> are among them.
    /// </summary>
    private static BigInteger[] IntegerPool(string dataType)
    {
        BigInteger lo = Minimum(dataType);
        BigInteger hi = Maximum(dataType);
        return lo < 0
            ? [lo, hi, -1, 0, 1, lo + 1, hi - 1, 42, -100, 100, -7, 13, 127, -128]
            : [0, hi, 1, hi - 1, 42, 100, 200, 7, 13, 255, 128];
    }

    /// <summary>
    /// Float bits of one width: first the seven fill values (0.0, NaN, a NaN with a payload,
    /// Infinity, -Infinity, -0.0, 1.5), then extremes, a negative NaN and values that need rounding in decimal.
    /// </summary>
    private static ulong[] FloatPool(int width)
    {
        ulong payloadNaN = CanonicalNaN(width) | 1;
        ulong negativeNaN = CanonicalNaN(width) | (1UL << ((8 * width) - 1));
        (double max, double tiny, double tenth, double third) = width switch
        {
            2 => (65504.0, Math.Pow(2, -24), (double)(Half)0.1, (double)(Half)(1.0 / 3)),
            4 => (3.4028234663852886e+38, 1.401298464324817e-45, (double)(float)0.1, (double)(float)(1.0 / 3)),
            _ => (1.7976931348623157e+308, 5e-324, 0.1, 1.0 / 3),
        };
        return
        [
            FloatBits(width, 0.0), FloatBits(width, "NaN"), payloadNaN, FloatBits(width, "Infinity"), FloatBits(width, "-Infinity"),
            FloatBits(width, -0.0), FloatBits(width, 1.5), FloatBits(width, max), FloatBits(width, tiny), FloatBits(width, tenth),
            negativeNaN, FloatBits(width, -2.25), FloatBits(width, 1000.0), FloatBits(width, third), FloatBits(width, -max),
        ];
    }
}
