using System.Numerics;
using static Conformance.Validator.Fixtures.Zarr.Definitions;
using static Conformance.Validator.Fixtures.Zarr.ElementValues;
using static Conformance.Validator.Fixtures.Zarr.SpecLinks;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Every core data type round-trips through the bytes codec, extremes included.</summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/data-types/#core-data-types"/></remarks>
internal static class DataTypeCases
{
    public static IReadOnlyList<FixtureCase> Cases()
    {
        var a = new CaseBuilder("data-types");
        string spec = DataTypes + "#core-data-types";
        a.Valid("bool", "bool elements are one byte, 0 for false and 1 for true.", spec,
            new FixtureArray("bool", [5], [4], false, false, V(true, false, true, true, false)));
        foreach (string dataType in (string[])["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"])
        {
            BigInteger lo = Minimum(dataType);
            BigInteger hi = Maximum(dataType);
            object[] values = lo != 0
                ? V(lo, lo + 1, new BigInteger(-1), BigInteger.Zero, BigInteger.One, new BigInteger(100), hi - 1, hi)
                : V(BigInteger.Zero, BigInteger.One, new BigInteger(2), new BigInteger(100), new BigInteger(255), hi - 1, hi);
            a.Valid(dataType, $"{dataType} elements round-trip, including the type's minimum and maximum.", spec,
                new FixtureArray(dataType, [values.Length], [3], 0, 0, values));
        }

        const int h = 2;
        a.Valid("float16", "float16 elements, including the largest finite value, the smallest subnormal, -0.0, NaN and infinities.",
            spec, new FixtureArray("float16", [9], [4], 0, 0UL, V(FloatBits(h, 1.0), FloatBits(h, -2.5), FloatBits(h, 65504.0),
                FloatBits(h, Math.Pow(2, -24)), FloatBits(h, -0.0), FloatBits(h, "NaN"), FloatBits(h, "Infinity"), FloatBits(h, "-Infinity"),
                FloatBits(h, 0.333251953125))));
        const int f = 4;
        a.Valid("float32", "float32 elements, including extremes, -0.0, NaN, a NaN with a payload, a negative NaN and infinities.",
            spec, new FixtureArray("float32", [11], [4], 0, 0UL, V(FloatBits(f, 0.5), FloatBits(f, -1.25), FloatBits(f, 3.4028234663852886e+38),
                FloatBits(f, 1.401298464324817e-45), FloatBits(f, -0.0), FloatBits(f, "NaN"), 0x7FC00001UL,
                0xFFC00000UL, FloatBits(f, "Infinity"), FloatBits(f, "-Infinity"),
                FloatBits(f, (double)(float)0.1))));
        const int d = 8;
        a.Valid("float64", "float64 elements, including extremes, -0.0, NaN, a NaN with a payload and infinities.",
            spec, new FixtureArray("float64", [9], [4], 0, 0UL, V(FloatBits(d, 0.1), FloatBits(d, -0.0), FloatBits(d, "NaN"), 0x7FF8000000000001UL,
                FloatBits(d, "Infinity"), FloatBits(d, "-Infinity"), FloatBits(d, 1.7976931348623157e+308),
                FloatBits(d, 5e-324), FloatBits(d, -2.5))));
        a.Valid("complex64", "complex64 elements are a float32 real part followed by a float32 imaginary part.", spec,
            new FixtureArray("complex64", [4], [2], L(0, 0), (0UL, 0UL), V(
                (FloatBits(f, 1.0), FloatBits(f, -2.0)), (FloatBits(f, "NaN"), FloatBits(f, "Infinity")), (FloatBits(f, -0.0), FloatBits(f, 0.5)),
                (FloatBits(f, 3.4028234663852886e+38), FloatBits(f, 1.401298464324817e-45)))));
        a.Valid("complex128", "complex128 elements are a float64 real part followed by a float64 imaginary part.", spec,
            new FixtureArray("complex128", [4], [2], L(0, 0), (0UL, 0UL), V(
                (FloatBits(d, 1.0), FloatBits(d, -2.0)), (FloatBits(d, "-Infinity"), FloatBits(d, "NaN")), (FloatBits(d, 0.1), FloatBits(d, -0.0)),
                (FloatBits(d, 1.7976931348623157e+308), FloatBits(d, 5e-324)))));
        (int Bits, byte[][] Values)[] raws =
        [
            (8, [[0x00], [0x7f], [0xff]]),
            (16, [[0x01, 0x02], [0xff, 0x00], [0x00, 0xff]]),
            (24, [[0x01, 0x02, 0x03], [0xfe, 0xdc, 0xba], [0x00, 0x00, 0x01]]),
        ];
        foreach ((int bits, byte[][] values) in raws)
        {
            int n = bits / 8;
            a.Valid($"r{bits}", $"r{bits} raw elements are {n} opaque byte{(n == 1 ? "" : "s")} each, stored in order whatever the endian.", spec,
                new FixtureArray($"r{bits}", [3], [2], L([.. Enumerable.Repeat((object?)0, n)]), new byte[n], values));
        }
        a.Valid("string-vlen-utf8", "string elements with vlen-utf8, including empty and non-ASCII strings.", ExtensionDataTypes,
            new FixtureArray("string", [6], [3], "", "", V("", "hello", "ünïcødé", "日本語", "emoji 🎉", "tab\tand\u0000nul")));
        a.Valid("bytes-vlen-bytes", "bytes elements with vlen-bytes, including the empty byte string.", ExtensionDataTypes,
            new FixtureArray("bytes", [4], [2], L(), Array.Empty<byte>(), V(Array.Empty<byte>(), new byte[] { 0x00 }, new byte[] { 0x01, 0x02, 0x03 }, new byte[] { 0xff, 0x00, 0x80 })));

        a.Bad("unknown-data-type", "A data type this implementation does not know is unsupported, not invalid.",
            Core("array-metadata-data-type"), "ZARR-DTYPE-001", Base(("data_type", "example.unknown-type")), expect: "unsupported");
        a.Bad("raw-not-whole-bytes", "Raw types must have a multiple of 8 bits, so r7 is refused.", spec, "ZARR-DTYPE-002",
            Base(("data_type", "r7"), ("fill_value", L(0))));
        a.Bad("core-type-with-configuration", "A core data type is named by its identifier and takes no configuration.",
            Core("array-metadata-data-type"), "ZARR-DTYPE-003",
            Base(("data_type", new JsonMembers { { "name", "int16" }, { "configuration", new JsonMembers { { "endian", "big" } } } })));
        return a.Cases;
    }
}
