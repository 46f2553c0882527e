using System.Buffers.Binary;
using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Tests.Zarr.DataTypes;

/// <summary>Core spec, "Permitted fill values", one data type family at a time.</summary>
public sealed class FillValueTests
{
    private static byte[] Parse(ZarrDataType type, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return type.ParseFillValue(document.RootElement, "zarr.json#/fill_value");
    }

    private static string Write(ZarrDataType type, byte[] value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            type.WriteFillValue(writer, value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string RuleOf(ZarrDataType type, string json) =>
        Assert.Throws<ConformanceException>(() => Parse(type, json))!.RuleId;

    [TestCase("true", new byte[] { 1 })]
    [TestCase("false", new byte[] { 0 })]
    public void Bool_is_a_JSON_boolean(string json, byte[] expected) =>
        Assert.That(Parse(BoolDataType.Instance, json), Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("1")]
    [TestCase("null")]
    [TestCase("\"true\"")]
    public void Bool_refuses_anything_else(string json) =>
        Assert.That(RuleOf(BoolDataType.Instance, json), Is.EqualTo(ZarrRules.FillBool));

    [TestCase("int8", "-128", -128L)]
    [TestCase("int8", "127", 127L)]
    [TestCase("int64", "-9223372036854775808", long.MinValue)]
    [TestCase("int64", "9223372036854775807", long.MaxValue)]
    [TestCase("uint8", "-0", 0L)]
    public void Integers_within_range_are_taken(string type, string json, long expected)
    {
        ZarrDataType dataType = Resolve(type);
        byte[] bytes = Parse(dataType, json);
        Span<byte> wide = stackalloc byte[8];
        wide.Fill(expected < 0 ? (byte)0xFF : (byte)0);
        bytes.CopyTo(wide);
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(wide), Is.EqualTo(expected));
    }

    [Test]
    public void Uint64_max_is_exact() =>
        Assert.That(BinaryPrimitives.ReadUInt64LittleEndian(Parse(IntegerDataType.UInt64, "18446744073709551615")), Is.EqualTo(ulong.MaxValue));

    [TestCase("int8", "128")]
    [TestCase("int8", "-129")]
    [TestCase("uint8", "256")]
    [TestCase("uint8", "-1")]
    [TestCase("uint64", "18446744073709551616")]
    [TestCase("int64", "9223372036854775808")]
    [TestCase("int32", "1.0")]
    [TestCase("int32", "1e2")]
    [TestCase("int32", "10E0")]
    [TestCase("int32", "\"1\"")]
    [TestCase("int32", "\"NaN\"")]
    [TestCase("int32", "null")]
    [TestCase("uint16", "99999999999999999999999999999999999999999")]
    public void Integers_refuse_fractions_exponents_other_types_and_out_of_range(string type, string json) =>
        Assert.That(RuleOf(Resolve(type), json), Is.EqualTo(ZarrRules.FillInteger));

    [TestCase("float16", 0x7e00UL)]
    [TestCase("float32", 0x7fc00000UL)]
    [TestCase("float64", 0x7ff8000000000000UL)]
    public void NaN_is_the_positive_quiet_NaN_with_only_the_top_mantissa_bit(string type, ulong bits)
    {
        byte[] value = Parse(Resolve(type), "\"NaN\"");
        Assert.That(FloatBits.Read(value), Is.EqualTo(bits));
        Assert.That(Write(Resolve(type), value), Is.EqualTo("\"NaN\""));
    }

    [Test]
    public void Dotnet_default_NaN_is_not_the_spec_NaN_and_is_written_as_hex()
    {
        // float.NaN has the sign bit set on .NET; the spec's "NaN" has it clear.
        byte[] value = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(value, float.NaN);
        Assert.That(FloatBits.Read(value), Is.Not.EqualTo(0x7fc00000UL));
        Assert.That(Write(FloatDataType.Float32, value), Is.EqualTo($"\"0x{FloatBits.Read(value):x8}\""));
    }

    [TestCase("float32", "\"Infinity\"", 0x7f800000UL)]
    [TestCase("float32", "\"-Infinity\"", 0xff800000UL)]
    [TestCase("float16", "\"-Infinity\"", 0xfc00UL)]
    [TestCase("float64", "\"Infinity\"", 0x7ff0000000000000UL)]
    [TestCase("float32", "\"0x7fc00001\"", 0x7fc00001UL)]
    [TestCase("float32", "\"0x3F800000\"", 0x3f800000UL)]
    [TestCase("float16", "\"0x7c01\"", 0x7c01UL)]
    [TestCase("float64", "\"0xfff0000000000001\"", 0xfff0000000000001UL)]
    [TestCase("float32", "-0.0", 0x80000000UL)]
    [TestCase("float32", "1e2", 0x42c80000UL)]
    [TestCase("float32", "0.1", 0x3dcccccdUL)]
    [TestCase("float16", "65504", 0x7bffUL)]
    [TestCase("float16", "1e6", 0x7c00UL)]
    public void Float_forms(string type, string json, ulong bits) =>
        Assert.That(FloatBits.Read(Parse(Resolve(type), json)), Is.EqualTo(bits));

    [Test]
    public void Float32_rounds_the_decimal_directly_not_through_double()
    {
        // 1 + 2^-24 + 2^-60 lies just above the midpoint between 1 and the next float32, so the
        // correct float32 is 1 + 2^-23. Through double it first becomes exactly 1 + 2^-24, a
        // tie that rounds to even: 1. The two paths give different answers.
        const string text = "1.000000059604644776373740051208972190212";
        Assert.That((float)double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1.0f), "premise: double rounding gives 1");
        Assert.That(FloatBits.Read(Parse(FloatDataType.Float32, text)), Is.EqualTo((ulong)BitConverter.SingleToUInt32Bits(1.0f + MathF.Pow(2, -23))));
    }

    [Test]
    public void Float16_rounds_the_decimal_directly_not_through_double_or_float()
    {
        // 1 + 2^-11 + 2^-40: just above the float16 midpoint between 1 and 1 + 2^-10. Through
        // float32 (or double, 2^-40 being below float32's precision at 1) it becomes the tie 1 + 2^-11, which rounds to 1.
        const string text = "1.00048828125090949470177292823791503906";
        Assert.That((Half)float.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo((Half)1.0f), "premise: float rounding gives 1");
        Assert.That(FloatBits.Read(Parse(FloatDataType.Float16, text)), Is.EqualTo(0x3c01UL));
    }

    [TestCase("float32", "\"nan\"")]
    [TestCase("float32", "\"inf\"")]
    [TestCase("float32", "\"0x7fc0\"")]
    [TestCase("float32", "\"0x7fc000000\"")]
    [TestCase("float32", "\"7fc00000\"")]
    [TestCase("float32", "\"0X7fc00000\"")]
    [TestCase("float16", "\"0x7fc00000\"")]
    [TestCase("float64", "null")]
    [TestCase("float64", "true")]
    [TestCase("float64", "[1]")]
    public void Float_refuses_other_forms(string type, string json) =>
        Assert.That(RuleOf(Resolve(type), json), Is.EqualTo(ZarrRules.FillFloat));

    [Test]
    public void Complex_is_a_pair_of_float_forms()
    {
        byte[] value = Parse(ComplexDataType.Complex64, "[\"-Infinity\", \"NaN\"]");
        Assert.That(FloatBits.Read(value.AsSpan(0, 4)), Is.EqualTo(0xff800000UL));
        Assert.That(FloatBits.Read(value.AsSpan(4, 4)), Is.EqualTo(0x7fc00000UL));
        byte[] plain = Parse(ComplexDataType.Complex128, "[1, 2]");
        Assert.That(BinaryPrimitives.ReadDoubleLittleEndian(plain), Is.EqualTo(1.0));
        Assert.That(BinaryPrimitives.ReadDoubleLittleEndian(plain.AsSpan(8)), Is.EqualTo(2.0));
        Assert.That(Write(ComplexDataType.Complex128, plain), Is.EqualTo("[1,2]"));
    }

    [TestCase("[1]")]
    [TestCase("[1, 2, 3]")]
    [TestCase("1")]
    [TestCase("[\"nan\", 0]")]
    public void Complex_refuses_other_forms(string json) =>
        Assert.That(RuleOf(ComplexDataType.Complex64, json), Is.EqualTo(ZarrRules.FillComplex));

    [Test]
    public void Raw_is_one_integer_per_byte()
    {
        var r24 = new RawDataType(24);
        Assert.That(Parse(r24, "[1, 2, 255]"), Is.EqualTo(new byte[] { 1, 2, 255 }));
        Assert.That(Write(r24, [1, 2, 255]), Is.EqualTo("[1,2,255]"));
        Assert.That(RuleOf(r24, "[1, 2]"), Is.EqualTo(ZarrRules.FillRaw));
        Assert.That(RuleOf(r24, "[1, 2, 256]"), Is.EqualTo(ZarrRules.FillRaw));
        Assert.That(RuleOf(r24, "[1, 2, 3.0]"), Is.EqualTo(ZarrRules.FillRaw));
        Assert.That(RuleOf(r24, "\"AQID\""), Is.EqualTo(ZarrRules.FillRaw));
    }

    [Test]
    public void String_is_a_JSON_string()
    {
        Assert.That(Parse(StringDataType.Instance, "\"héllo\""), Is.EqualTo("héllo"u8.ToArray()));
        Assert.That(RuleOf(StringDataType.Instance, "1"), Is.EqualTo(ZarrRules.FillString));
        Assert.That(RuleOf(StringDataType.Instance, "\"\\ud800\""), Is.EqualTo(ZarrRules.FillString));
    }

    [Test]
    public void Bytes_is_a_byte_list_or_base64()
    {
        Assert.That(Parse(BytesDataType.Instance, "[1, 2, 3]"), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(Parse(BytesDataType.Instance, "\"AQID\""), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(RuleOf(BytesDataType.Instance, "\"not base64!\""), Is.EqualTo(ZarrRules.FillBytes));
        Assert.That(RuleOf(BytesDataType.Instance, "[300]"), Is.EqualTo(ZarrRules.FillBytes));
    }

    [TestCase("float32", "\"NaN\"")]
    [TestCase("float32", "\"0x7fc00001\"")]
    [TestCase("float32", "\"-Infinity\"")]
    [TestCase("float32", "0.1")]
    [TestCase("float32", "-0")]
    [TestCase("float64", "1E+300")]
    [TestCase("float16", "0.0001")]
    [TestCase("uint64", "18446744073709551615")]
    [TestCase("complex64", "[\"NaN\",-1.5]")]
    public void Writing_then_parsing_gives_the_same_bits(string type, string json)
    {
        ZarrDataType dataType = Resolve(type);
        byte[] value = Parse(dataType, json);
        Assert.That(Parse(dataType, Write(dataType, value)), Is.EqualTo(value));
    }

    private static ZarrDataType Resolve(string name) =>
        DataTypeRegistry.Default.Resolve(new Reference.Zarr.Metadata.ExtensionObject(name, shortHand: true), "zarr.json#/data_type");
}
