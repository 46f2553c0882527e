using System.Text;
using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>codecs/crc32c: CRC-32C (Castagnoli) of the input, appended little-endian.</summary>
public sealed class Crc32CTests
{
    [Test]
    public void Check_value_of_123456789_is_E3069283()
    {
        Assert.That(Crc32C.Compute("123456789"u8), Is.EqualTo(0xE3069283u));
        Assert.That(Crc32C.ComputePortable("123456789"u8), Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void It_is_not_the_IEEE_CRC32()
    {
        // 0xCBF43926 is the check value of the IEEE polynomial that System.IO.Hashing.Crc32 computes.
        Assert.That(Crc32C.Compute("123456789"u8), Is.Not.EqualTo(0xCBF43926u));
    }

    [TestCase("", 0x00000000u)]
    [TestCase("a", 0xC1D04330u)]
    [TestCase("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Known_values(string text, uint expected) =>
        Assert.That(Crc32C.Compute(Encoding.ASCII.GetBytes(text)), Is.EqualTo(expected));

    [Test]
    public void Hardware_and_table_paths_agree_on_any_input() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), data => Crc32C.Compute(data) == Crc32C.ComputePortable(data))
            .QuickCheckThrowOnFailure();

    [Test]
    public void Encoded_chunk_is_input_then_checksum_little_endian()
    {
        using var output = new PooledBufferWriter();
        Crc32cCodec.Instance.Encode("123456789"u8.ToArray(), output);
        Assert.That(output.WrittenSpan[9..].ToArray(), Is.EqualTo(new byte[] { 0x83, 0x92, 0x06, 0xE3 }));
    }

    [Test]
    public void A_flipped_bit_fails_the_check()
    {
        using var encoded = new PooledBufferWriter();
        Crc32cCodec.Instance.Encode("payload"u8.ToArray(), encoded);
        byte[] corrupt = encoded.WrittenSpan.ToArray();
        corrupt[2] ^= 0x10;
        using var output = new PooledBufferWriter();
        ConformanceException? e = Assert.Throws<ConformanceException>(() => Crc32cCodec.Instance.Decode(corrupt, output, "k"));
        Assert.That(e!.RuleId, Is.EqualTo(ZarrRules.Crc32cChecksum));
    }
}
