using System.Numerics;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>fill_value in each of its permitted forms, read back where no chunk is stored.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/data-types/#permitted-fill-values"/></remarks>
internal static class FillValueCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("fill-values");
        const int f = 4;
        const int h = 2;
        const int d = 8;

        // Two chunks: the first stored (all fill), the second missing; both read as the fill value.
        void MissingOnly(string name, string description, string dataType, object? fillJson, object fill, List<object?>? codecs = null)
        {
            int[] shape = [4];
            var array = new FixtureArray(dataType, shape, [2], fillJson, fill, Enumerable.Repeat(fill, 4), codecs: codecs, missing: [[1]]);
            a.Valid(name, description, Fills, array);
        }

        a.Valid("missing-chunk-reads-fill", "A chunk that is not stored reads as the fill value.",
            Core("array-metadata-fill-value"),
            new FixtureArray("int16", [2, 5], [2, 2], -7, -7, Ints(10, 1), missing: [[0, 1]]));
        MissingOnly("bool-true", "A bool fill value is a JSON boolean.", "bool", true, true);
        MissingOnly("int-negative-zero", "-0 is an integer with no fraction or exponent, so it is a valid int32 fill value.",
            "int32", R("-0"), 0);
        MissingOnly("int64-min", "int64 fill values use the full range, written as exact integers.",
            "int64", long.MinValue, long.MinValue);
        MissingOnly("uint64-max", "uint64 fill values up to 2^64-1 are written as exact integers.",
            "uint64", ulong.MaxValue, ulong.MaxValue);
        MissingOnly("float32-exponent-notation", "A float fill value may use exponent notation: 1e2 is 100.",
            "float32", R("1e2"), FloatBits(f, 100.0));
        MissingOnly("float32-integer-literal", "A float fill value may be written as a JSON integer.",
            "float32", -3, FloatBits(f, -3.0));
        MissingOnly("float32-decimal-rounds", "A decimal fill value is rounded to the nearest float32: 0.1 becomes 0x3dcccccd.",
            "float32", R("0.1"), 0x3DCCCCCDUL);
        // 1 + 2^-24 + 2^-60: just above the midpoint between 1 and the next float32. Rounded
        // straight to float32 it is 1 + 2^-23; rounded to float64 first it lands on the midpoint
        // and then goes (to even) down to 1.
        string trap32 = ExactDecimal((BigInteger.One << 60) + (BigInteger.One << 36) + 1, 60);
        MissingOnly("float32-no-double-rounding",
            "A decimal fill value is rounded once, straight to float32, not through float64 first.",
            "float32", R(trap32), FloatBits(f, 1.0 + Math.Pow(2, -23)));
        string trap16 = ExactDecimal((BigInteger.One << 60) + (BigInteger.One << 49) + 1, 60);
        MissingOnly("float16-no-double-rounding",
            "A decimal fill value is rounded once, straight to float16, not through a wider type first.",
            "float16", R(trap16), FloatBits(h, 1.0 + Math.Pow(2, -10)));
        MissingOnly("float64-overflow-to-infinity",
            "A float fill value beyond the largest float64 rounds to Infinity.",
            "float64", R("1e400"), FloatBits(d, "Infinity"));
        MissingOnly("float64-negative-zero", "-0.0 is a valid float fill value and keeps its sign.",
            "float64", R("-0.0"), FloatBits(d, -0.0));
        MissingOnly("float64-named-values", "\"-Infinity\" is a valid float fill value.",
            "float64", "-Infinity", FloatBits(d, "-Infinity"));
        MissingOnly("float32-nan-payload", "A hex fill value gives exact float32 bits, here a NaN with a payload.",
            "float32", "0x7fc00001", 0x7FC00001UL);
        MissingOnly("float16-hex", "A hex fill value for float16 has 4 hex digits; 0x7e00 is the canonical NaN.",
            "float16", "0x7e00", 0x7E00UL);
        MissingOnly("float64-hex", "A hex fill value for float64 has 16 hex digits.",
            "float64", "0xbff0000000000000", FloatBits(d, -1.0));
        MissingOnly("complex-string-parts", "Each part of a complex fill value uses the float forms, strings included.",
            "complex64", L("NaN", "-Infinity"), (FloatBits(f, "NaN"), FloatBits(f, "-Infinity")));
        MissingOnly("complex128-mixed-parts", "Complex fill value parts may mix numbers and hex strings.",
            "complex128", L(R("1.5e0"), "0x8000000000000000"), (FloatBits(d, 1.5), FloatBits(d, -0.0)));
        MissingOnly("raw-bytes", "A raw fill value is an array of byte values, one per byte of the element.",
            "r24", L(1, 2, 255), new byte[] { 0x01, 0x02, 0xff }, codecs: L(Bytes));
        MissingOnly("string", "A string fill value is a JSON string, used for chunks that are not stored.",
            "string", "n/a ✓", "n/a ✓");
        MissingOnly("bytes", "A bytes fill value is an array of byte values.",
            "bytes", L(0, 1, 254), new byte[] { 0x00, 0x01, 0xfe });

        string ispec = Fills;
        a.Bad("int-with-fraction", "An integer fill value must not have a fraction part, even 1.0.", ispec,
            "ZARR-FILL-002", Base(("fill_value", R("1.0"))));
        a.Bad("int-with-exponent", "An integer fill value must not have an exponent part, even 1e2.", ispec,
            "ZARR-FILL-002", Base(("fill_value", R("1e2"))));
        a.Bad("uint8-out-of-range", "256 is outside the range of uint8.", ispec, "ZARR-FILL-002",
            Base(("data_type", "uint8"), ("fill_value", 256)));
        a.Bad("int-as-string", "An integer fill value must be a JSON number, not a string.", ispec, "ZARR-FILL-002",
            Base(("fill_value", "1")));
        a.Bad("bool-as-number", "A bool fill value must be true or false, not 0.", ispec, "ZARR-FILL-001",
            Base(("data_type", "bool"), ("fill_value", 0), ("codecs", L(Bytes))));
        a.Bad("float-lowercase-nan", "The NaN fill value is spelled \"NaN\"; \"nan\" is refused.", ispec, "ZARR-FILL-003",
            Base(("data_type", "float32"), ("fill_value", "nan")));
        a.Bad("float32-hex-wrong-width", "A float32 hex fill value needs 8 hex digits; \"0x7fc0\" is refused.", ispec,
            "ZARR-FILL-003", Base(("data_type", "float32"), ("fill_value", "0x7fc0")));
        a.Bad("float-null", "null is not a fill value for a float type.", ispec, "ZARR-FILL-003",
            Base(("data_type", "float64"), ("fill_value", null)));
        a.Bad("complex-three-parts", "A complex fill value has exactly two parts.", ispec, "ZARR-FILL-004",
            Base(("data_type", "complex64"), ("fill_value", L(0, 0, 0))));
        a.Bad("raw-wrong-length", "An r16 fill value has one integer per byte, so three integers are refused.", ispec,
            "ZARR-FILL-005", Base(("data_type", "r16"), ("fill_value", L(0, 0, 0)), ("codecs", L(Bytes))));
        a.Bad("raw-byte-out-of-range", "Each integer of a raw fill value is in [0, 255].", ispec, "ZARR-FILL-005",
            Base(("data_type", "r8"), ("fill_value", L(256)), ("codecs", L(Bytes))));
        a.Bad("bytes-byte-out-of-range", "Each integer of a bytes fill value is in [0, 255].",
            "https://github.com/zarr-developers/zarr-extensions/tree/main/data-types/bytes", "ZARR-FILL-007",
            Base(("data_type", "bytes"), ("fill_value", L(1, 256)), ("codecs", L(VlenBytes))));
        a.Bad("string-as-number", "A string fill value must be a JSON string.", ExtensionDataTypes, "ZARR-FILL-006",
            Base(("data_type", "string"), ("fill_value", 0), ("codecs", L(VlenUtf8))));
        return a.Cases;
    }

    /// <summary>Exact decimal text of numerator / 2^exponent2 (positive, exponent2 at least 1).</summary>
    private static string ExactDecimal(BigInteger numerator, int exponent2)
    {
        string digits = (numerator * BigInteger.Pow(5, exponent2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        digits = digits.PadLeft(exponent2 + 1, '0');
        string whole = digits[..^exponent2];
        string fraction = digits[^exponent2..].TrimEnd('0');
        return whole + (fraction.Length > 0 ? "." + fraction : "");
    }
}
