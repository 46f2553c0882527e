using System.Buffers.Binary;
using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Codecs.Blosc;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>
/// codecs/blosc, "Format and algorithm": Blosc 1 frames built byte by byte from the chunk
/// format (c-blosc, README_CHUNK_FORMAT.rst) decode to known bytes, and broken or hostile
/// frames end in <see cref="ZarrRules.BloscData"/> at the chunk's key.
/// </summary>
public sealed class BloscFrameTests
{
    // Decoding follows the frame, whatever the configuration says.
    private static readonly BloscCodec Codec = new(BloscCompressor.Zstd, 5, BloscShuffle.NoShuffle, null);

    private const byte Shuffled = 0x01;
    private const byte Memcpyed = 0x02;
    private const byte BitShuffled = 0x04;
    private const byte DontSplit = 0x10;
    private const byte BloscLz = 0 << 5;
    private const byte Lz4 = 1 << 5;
    private const byte Snappy = 2 << 5;

    private static byte[] Header(byte flags, byte typeSize, int nbytes, int blockSize, int cbytes, byte version = 2, byte versionLz = 1)
    {
        byte[] header = [version, versionLz, flags, typeSize, .. U32(nbytes), .. U32(blockSize), .. U32(cbytes)];
        return header;
    }

    private static byte[] U32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>Joins the parts and writes the total length into the header's cbytes.</summary>
    private static byte[] Frame(params byte[][] parts)
    {
        byte[] frame = [.. parts.SelectMany(p => p)];
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(12), frame.Length);
        return frame;
    }

    private static byte[] Decode(byte[] frame, long limit = 1 << 20)
    {
        using var output = new PooledBufferWriter(16, limit);
        Codec.Decode(frame, output, "c/0");
        return output.WrittenSpan.ToArray();
    }

    private static ConformanceException Refused(byte[] frame, long limit = 1 << 20)
    {
        ConformanceException e = Assert.Throws<ConformanceException>(() => Decode(frame, limit))!;
        Assert.That(e.Location, Is.EqualTo("c/0"));
        return e;
    }

    private static void AssertInvalid(byte[] frame)
    {
        ConformanceException e = Refused(frame);
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.BloscData, Outcome.Invalid)), e.Message);
    }

    /// <summary>An LZ4 block of 128 copies of <paramref name="value"/>: one literal, a match at distance 1, five closing literals.</summary>
    private static byte[] Lz4Run(byte value) => [0x1F, value, 0x01, 0x00, 103, 0x50, value, value, value, value, value];

    /// <summary>128 uint16 elements 0x12AB, byte-shuffled into two planes, one LZ4 stream each.</summary>
    private static byte[] SplitLz4Frame(byte flags = Shuffled | Lz4, int firstStart = 20) => Frame(
        Header(flags, 2, 256, 256, 0), U32(firstStart),
        U32(11), Lz4Run(0xAB),
        U32(11), Lz4Run(0x12));

    private static byte[] MemcpyedFrame() => Frame(Header(Memcpyed | Shuffled, 2, 6, 6, 0), [1, 2, 3, 4, 5, 6]);

    [Test]
    public void A_memcpyed_frame_holds_the_bytes_after_the_header_unshuffled()
    {
        Assert.That(Decode(MemcpyedFrame()), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void A_split_lz4_frame_holds_one_stream_per_byte_plane()
    {
        byte[] expected = [.. Enumerable.Repeat<byte[]>([0xAB, 0x12], 128).SelectMany(e => e)];
        Assert.That(Decode(SplitLz4Frame()), Is.EqualTo(expected));
    }

    [Test]
    public void A_stream_as_long_as_its_plane_is_stored_raw()
    {
        byte[] frame = Frame(
            Header(Shuffled | Lz4, 2, 256, 256, 0), U32(20),
            U32(11), Lz4Run(0xAB),
            U32(128), [.. Enumerable.Range(0, 128).Select(i => (byte)i)]);
        byte[] decoded = Decode(frame);
        Assert.That(decoded.Where((_, i) => i % 2 == 0), Is.All.EqualTo(0xAB));
        Assert.That(decoded.Where((_, i) => i % 2 == 1), Is.EqualTo(Enumerable.Range(0, 128).Select(i => (byte)i)));
    }

    [Test]
    public void The_dont_split_flag_makes_the_block_one_stream()
    {
        // The same streams under "dont split": one stream must now hold all 256 bytes.
        AssertInvalid(SplitLz4Frame(Shuffled | Lz4 | DontSplit));
    }

    [Test]
    public void A_blosclz_frame_decodes_literals_near_matches_long_matches_and_far_matches()
    {
        byte[] stream =
        [
            0x20 | 3, (byte)'A', (byte)'B', (byte)'C', (byte)'D',   // 4 literals; the first control byte carries the level marker
            (3 << 5) | 0, 2,                                         // length 3 + 2, distance 2 + 1: "BCDBC"
            0, (byte)'E',                                            // 1 literal
            (7 << 5) | 0, .. Enumerable.Repeat((byte)255, 32), 131, 0, // length 7 + 32 * 255 + 131 + 2 = 8300, distance 1
            (7 << 5) | 31, 0, 255, 0, 118,                            // length 9, far: distance 8192 + 118 = 8310, back to byte 0
            0, (byte)'!',                                            // the stream ends with a literal
        ];
        byte[] frame = Frame(Header(DontSplit | BloscLz, 1, 8320, 8320, 0), U32(20), U32(stream.Length), stream);
        byte[] expected = [.. "ABCDBCDBCE"u8, .. Enumerable.Repeat((byte)'E', 8300), .. "ABCDBCDBC!"u8];
        Assert.That(Decode(frame), Is.EqualTo(expected));
    }

    [Test]
    public void Bitshuffle_rows_hold_one_bit_of_every_element()
    {
        // typesize 1, 128 elements: row k (16 bytes) holds bit k of element 8m + r in bit r of byte m.
        byte[] rows = new byte[128];
        rows.AsSpan(0, 16).Fill(0xFF);
        rows[7 * 16] = 0x01;
        byte[] frame = Frame(Header(BitShuffled | DontSplit | BloscLz, 1, 128, 128, 0), U32(20), U32(128), rows);
        byte[] expected = [0x81, .. Enumerable.Repeat((byte)0x01, 127)];
        Assert.That(Decode(frame), Is.EqualTo(expected));
    }

    [Test]
    public void Byte_shuffle_leaves_the_bytes_after_the_last_whole_element_in_place()
    {
        // typesize 4, 130 bytes: 32 elements in four planes of 32 bytes, then 2 trailing bytes.
        byte[] expected = [.. Enumerable.Range(0, 128).Select(k => (byte)(((k % 4) * 64) + (k / 4))), 0xEE, 0xFF];
        byte[] shuffled = [.. Enumerable.Range(0, 128).Select(k => expected[((k % 32) * 4) + (k / 32)]), 0xEE, 0xFF];
        byte[] frame = Frame(Header(Shuffled | BloscLz, 4, 130, 130, 0), U32(20), U32(130), shuffled);
        Assert.That(Decode(frame), Is.EqualTo(expected));
    }

    [Test]
    public void Several_blocks_with_a_partial_last_one_decode_in_order()
    {
        // Blocks of 128 bytes and a last one of 16; offsets count from the start of the frame.
        byte[] frame = Frame(
            Header(DontSplit | BloscLz, 1, 272, 128, 0), U32(28), U32(28 + 4 + 128), U32(28 + 4 + 128 + 4 + 128),
            U32(128), [.. Enumerable.Repeat((byte)1, 128)],
            U32(128), [.. Enumerable.Repeat((byte)2, 128)],
            U32(16), [.. Enumerable.Repeat((byte)3, 16)]);
        Assert.That(Decode(frame), Is.EqualTo(Enumerable.Repeat((byte)1, 128).Concat(Enumerable.Repeat((byte)2, 128)).Concat(Enumerable.Repeat((byte)3, 16))));
    }

    [Test]
    public void An_empty_buffer_is_a_bare_header()
    {
        Assert.That(Decode(Frame(Header(Memcpyed, 1, 0, 1, 0))), Is.Empty);
    }

    [Test]
    public void The_8x8_bit_transpose_swaps_rows_and_columns()
    {
        ulong identity = 0x8040201008040201UL;
        Assert.That(BitShuffle.Transpose8x8(identity), Is.EqualTo(identity));
        Assert.That(BitShuffle.Transpose8x8(0xFF), Is.EqualTo(0x0101010101010101UL));
        Assert.That(BitShuffle.Transpose8x8(0x0101010101010101UL), Is.EqualTo(0xFFUL));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(15)]
    public void A_truncated_header_is_refused(int length) => AssertInvalid(MemcpyedFrame()[..length]);

    [Test]
    public void A_frame_shorter_or_longer_than_its_cbytes_is_refused()
    {
        AssertInvalid(MemcpyedFrame()[..^1]);
        AssertInvalid([.. MemcpyedFrame(), 0]);
        byte[] frame = SplitLz4Frame();
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(12), frame.Length + 100);
        AssertInvalid(frame);
    }

    [Test]
    public void Nbytes_beyond_the_chunk_is_refused_before_allocating()
    {
        byte[] frame = Frame(Header(Memcpyed, 1, 1 << 30, 1 << 30, 0));
        long before = GC.GetTotalAllocatedBytes(precise: true);
        ConformanceException e = Refused(frame, limit: 1 << 20);
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(1 << 20));
        Assert.That(e.RuleId, Is.EqualTo(ZarrRules.ChunkSize));
        Assert.That(Refused(MemcpyedFrame(), limit: 5).RuleId, Is.EqualTo(ZarrRules.ChunkSize));
    }

    [Test]
    public void Nbytes_beyond_what_Blosc_1_can_hold_is_refused()
    {
        AssertInvalid(Frame(Header(Memcpyed, 1, -8, 1, 0)));
    }

    [TestCase(200)]
    [TestCase(4)]
    [TestCase(19)]
    [TestCase(-1)]
    public void Block_offsets_outside_the_streams_are_refused(int start) => AssertInvalid(SplitLz4Frame(firstStart: start));

    [Test]
    public void Too_many_blocks_for_the_frame_are_refused()
    {
        AssertInvalid(Frame(Header(BloscLz, 1, 1000, 1, 0), U32(20)));
    }

    [Test]
    public void A_stream_size_past_the_end_is_refused()
    {
        byte[] frame = SplitLz4Frame();
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(20 + 4 + 11), 12);
        AssertInvalid(frame);
    }

    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    public void An_unknown_compressor_code_is_refused(int code) => AssertInvalid(SplitLz4Frame((byte)(Shuffled | (code << 5))));

    [Test]
    public void Snappy_frames_are_unsupported_but_memcpyed_ones_read()
    {
        ConformanceException e = Refused(SplitLz4Frame(Shuffled | Snappy));
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.BloscData, Outcome.Unsupported)));
        Assert.That(e.Message, Does.Contain("snappy"));
        Assert.That(Decode(Frame(Header(Memcpyed | Snappy, 1, 3, 3, 0), [7, 8, 9])), Is.EqualTo(new byte[] { 7, 8, 9 }));
    }

    [Test]
    public void Versions_other_than_2_are_refused_and_Blosc2_is_unsupported()
    {
        AssertInvalid(Frame(Header(Memcpyed, 1, 3, 3, 0, version: 1), [7, 8, 9]));
        AssertInvalid(Frame(Header(Memcpyed, 1, 3, 3, 0, version: 0), [7, 8, 9]));
        ConformanceException e = Refused(Frame(Header(Memcpyed, 1, 3, 3, 0, version: 3), [7, 8, 9]));
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((ZarrRules.BloscData, Outcome.Unsupported)));
        byte[] frame = SplitLz4Frame();
        frame[1] = 2;
        AssertInvalid(frame);
    }

    [Test]
    public void Header_fields_outside_their_ranges_are_refused()
    {
        AssertInvalid(Frame(Header(Memcpyed | 0x08, 1, 3, 3, 0), [7, 8, 9]));
        AssertInvalid(Frame(Header(Memcpyed, 0, 3, 3, 0), [7, 8, 9]));
        AssertInvalid(Frame(Header(Memcpyed, 1, 3, 0, 0), [7, 8, 9]));
        AssertInvalid(Frame(Header(Memcpyed, 1, 3, 4, 0), [7, 8, 9]));
        // A memcpyed frame holds exactly nbytes after its header.
        AssertInvalid(Frame(Header(Memcpyed, 1, 3, 3, 0), [7, 8, 9, 10]));
    }

    [Test]
    public void A_split_block_that_is_not_a_whole_number_of_elements_is_refused()
    {
        // 257 bytes of typesize 2 would be split in two, but cannot be.
        AssertInvalid(Frame(Header(BloscLz, 2, 257, 257, 0), U32(20), U32(257), new byte[257]));
    }

    [Test]
    public void Corrupt_streams_are_refused()
    {
        byte[] lz4 = SplitLz4Frame();
        lz4[20 + 4 + 4] = 0x10;
        AssertInvalid(lz4);
        AssertInvalid(Frame(Header(DontSplit | (3 << 5), 1, 200, 200, 0), U32(20), U32(4), [1, 2, 3, 4]));
        AssertInvalid(Frame(Header(DontSplit | (4 << 5), 1, 200, 200, 0), U32(20), U32(4), [1, 2, 3, 4]));
        AssertInvalid(Frame(Header(DontSplit | BloscLz, 1, 200, 200, 0), U32(20), U32(0)));
    }

    [Test]
    public void Blosclz_streams_that_break_the_format_are_refused()
    {
        // A 32-byte block; no stream here is 32 bytes long, which would make it raw.
        static byte[] WithStream(params byte[] stream) =>
            Frame(Header(DontSplit | BloscLz, 1, 32, 32, 0), U32(20), U32(stream.Length), stream);

        // A match that reaches before the start of the block.
        AssertInvalid(WithStream([0x20 | 1, 1, 2, (1 << 5) | 0, 5, 12, .. new byte[13]]));
        // A stream that ends inside a match.
        AssertInvalid(WithStream([0x20 | 12, .. new byte[13], (1 << 5) | 0, 0]));
        // A literal run past the end of the stream, and one past the end of the block.
        AssertInvalid(WithStream([0x20 | 20, 1, 2, 3]));
        AssertInvalid(WithStream([0x20 | 31, .. new byte[32], 0, 1]));
        // A long match whose length bytes run off the end.
        AssertInvalid(WithStream([0x20 | 0, 1, (7 << 5) | 0, 255]));
        // A stream that decodes to fewer bytes than its block.
        AssertInvalid(WithStream([0x20 | 3, 1, 2, 3, 4]));
    }

    [Test]
    public void Refusals_name_the_blosc_rule_and_the_location_passed_in()
    {
        ConformanceException e = Assert.Throws<ConformanceException>(() =>
        {
            using var output = new PooledBufferWriter();
            new BloscCodec(BloscCompressor.Lz4, 1, BloscShuffle.Shuffle, 2).Decode(new byte[3], output, "a/b/c/1.2");
        })!;
        Assert.That((e.RuleId, e.Location), Is.EqualTo((ZarrRules.BloscData, "a/b/c/1.2")));
    }

    [Test]
    public void Written_frames_follow_the_c_blosc_layout()
    {
        // 1000 int32 values, shuffled and split like c-blosc 1.x does for lz4 (frames it wrote
        // for this input start with the same header).
        byte[] data = new byte[4000];
        for (int i = 0; i < 1000; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(i * 4), i);
        }
        using var output = new PooledBufferWriter();
        new BloscCodec(BloscCompressor.Lz4, 5, BloscShuffle.Shuffle, 4).Encode(data, output);
        BloscHeader header = BloscHeader.Read(output.WrittenSpan);
        Assert.That((header.Version, header.VersionLz, header.Flags, header.TypeSize, header.NBytes, header.BlockSize, header.CBytes),
            Is.EqualTo(((byte)2, (byte)1, (byte)0x21, (byte)4, 4000u, 4000u, (uint)output.WrittenCount)));
        Assert.That(BinaryPrimitives.ReadInt32LittleEndian(output.WrittenSpan[16..]), Is.EqualTo(20), "the first block follows its offset");
    }

    [Test]
    public void Small_buffers_and_level_0_are_memcpyed()
    {
        foreach ((int size, int level) in new[] { (127, 9), (4000, 0) })
        {
            using var output = new PooledBufferWriter();
            new BloscCodec(BloscCompressor.Zstd, level, BloscShuffle.Shuffle, 4).Encode(new byte[size], output);
            Assert.That(output.WrittenCount, Is.EqualTo(size + 16));
            Assert.That(output.WrittenSpan[2] & Memcpyed, Is.EqualTo(Memcpyed));
        }
    }

    [Test]
    public void Incompressible_data_stays_within_16_bytes_of_its_size()
    {
        byte[] data = new byte[100_000];
        new Random(7).NextBytes(data);
        foreach (BloscCompressor compressor in new[] { BloscCompressor.BloscLz, BloscCompressor.Lz4, BloscCompressor.Lz4hc, BloscCompressor.Zlib, BloscCompressor.Zstd })
        {
            using var output = new PooledBufferWriter();
            new BloscCodec(compressor, 9, BloscShuffle.NoShuffle, 8).Encode(data, output);
            Assert.That(output.WrittenCount, Is.LessThanOrEqualTo(data.Length + 16), compressor.ToString());
        }
    }

    [TestCase(BloscCompressor.Lz4, 5, 4, 1_000_000, 0, 524288)]
    [TestCase(BloscCompressor.Zstd, 5, 4, 1_000_000, 0, 262144)]
    [TestCase(BloscCompressor.Zstd, 1, 8, 100_000, 0, 32768)]
    [TestCase(BloscCompressor.BloscLz, 9, 2, 4_000_000, 0, 524288)]
    [TestCase(BloscCompressor.Lz4, 5, 4, 20_000, 0, 20_000)]
    [TestCase(BloscCompressor.Lz4, 5, 4, 20_000, 1000, 1000)]
    [TestCase(BloscCompressor.Lz4, 5, 3, 20_000, 1000, 999)]
    [TestCase(BloscCompressor.Lz4, 5, 4, 20_000, 10, 128)]
    [TestCase(BloscCompressor.Lz4, 5, 4, 3, 0, 1)]
    public void Automatic_block_sizes_follow_c_blosc(BloscCompressor compressor, int level, int typeSize, int nbytes, long requested, int expected) =>
        Assert.That(BloscEncoder.ComputeBlockSize(compressor, level, typeSize, nbytes, requested), Is.EqualTo(expected));
}
