using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>
/// <see cref="CodecPipeline.Check"/>, which deep validation uses and which skips building the
/// decoded array where it can, finds exactly what <see cref="CodecPipeline.Decode"/> finds: on
/// every chain and data type, for stored chunks sound, one byte short, one byte long, or with
/// one bit changed. Chains often lack transposes or bytes-to-bytes codecs, since a chain of
/// <c>bytes</c> alone is the one <see cref="CodecPipeline.Check"/> treats on its own.
/// </summary>
public sealed class CodecPipelineCheckProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400);

    private enum Damage
    {
        None,
        Truncated,
        Extended,
        Flipped,
    }

    [Test]
    public void Check_reports_the_rule_decode_reports()
    {
        Gen<(ZarrDataType, int[], ICodec[], NdArray, Damage, int)> cases =
            from type in Generators.DataType
            from shape in Generators.Shape(6, positive: true)
            from full in Generators.Chain(type, shape.Length)
            from transposes in Gen.Elements(true, false, false)
            from compressors in Gen.Elements(true, false)
            let chain = full.Where(c => (transposes || c is not TransposeCodec) && (compressors || c is not IBytesToBytesCodec)).ToArray()
            from array in Generators.Array(type, shape)
            from damage in Gen.Elements(Enum.GetValues<Damage>())
            from at in Gen.Choose(0, int.MaxValue)
            select (type, shape, chain, array, damage, at);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (ZarrDataType type, int[] shape, ICodec[] chain, NdArray array, Damage damage, int at) = c;
            CodecPipeline pipeline = CodecPipeline.Build(chain, new ArrayRepresentation(type, [.. shape.Select(n => (long)n)]), "k", 1 << 24);
            byte[] stored;
            using (PooledBufferWriter encoded = pipeline.Encode(array))
            {
                stored = Damaged(encoded.WrittenSpan, damage, at);
            }
            string? byDecode = RuleOf(() => pipeline.Decode(stored, "k").Dispose());
            string? byCheck = RuleOf(() => pipeline.Check(stored, "k"));
            return byDecode == byCheck;
        }).Check(Config);
    }

    [Test]
    public void Check_finds_a_bool_byte_that_is_neither_0_nor_1()
    {
        CodecPipeline pipeline = CodecPipeline.Build([BytesCodec.Little], new ArrayRepresentation(BoolDataType.Instance, [4]), "k", 1 << 24);
        Assert.That(RuleOf(() => pipeline.Check(new byte[] { 0, 1, 1, 0 }, "k")), Is.Null);
        Assert.That(RuleOf(() => pipeline.Check(new byte[] { 0, 1, 2, 0 }, "k")), Is.EqualTo(ZarrRules.BytesBool));
        Assert.That(RuleOf(() => pipeline.Check(new byte[] { 0, 1, 1 }, "k")), Is.EqualTo(ZarrRules.BytesLength));
    }

    private static byte[] Damaged(ReadOnlySpan<byte> encoded, Damage damage, int at)
    {
        switch (damage)
        {
            case Damage.Truncated when encoded.Length > 0:
                return encoded[..^1].ToArray();
            case Damage.Extended:
                return [.. encoded, (byte)at];
            case Damage.Flipped when encoded.Length > 0:
                byte[] flipped = encoded.ToArray();
                flipped[at % flipped.Length] ^= (byte)(1 << (at % 8));
                return flipped;
            default:
                return encoded.ToArray();
        }
    }

    private static string? RuleOf(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (ConformanceException e)
        {
            return e.RuleId;
        }
    }
}
