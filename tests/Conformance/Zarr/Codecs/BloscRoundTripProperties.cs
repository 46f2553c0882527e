using Conformance.Reference;
using Conformance.Reference.Buffers;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.Codecs.Blosc;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Zarr.Codecs;

/// <summary>
/// codecs/blosc: <c>decode(encode(x)) == x</c> for every compressor we write, shuffle mode,
/// type size, block size and level; the filters invert and match their definitions; and the
/// decoder throws nothing but <see cref="ConformanceException"/> on arbitrary or damaged frames.
/// </summary>
public sealed class BloscRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly BloscCompressor[] Writable =
        [BloscCompressor.BloscLz, BloscCompressor.Lz4, BloscCompressor.Lz4hc, BloscCompressor.Zlib, BloscCompressor.Zstd];

    /// <summary>
    /// Buffers of up to 40 000 bytes from a seed: random noise, short repeats, slowly varying
    /// integers (which shuffling helps), or runs, so that streams both shrink and stay raw.
    /// </summary>
    private static Gen<byte[]> Data =>
        from seed in Gen.Choose(0, int.MaxValue)
        from length in Gen.Frequency((1, Gen.Choose(0, 200)), (3, Gen.Choose(0, 40_000)))
        from kind in Gen.Choose(0, 3)
        select Make(seed, length, kind);

    private static byte[] Make(int seed, int length, int kind)
    {
        var random = new Random(seed);
        byte[] data = new byte[length];
        switch (kind)
        {
            case 0:
                random.NextBytes(data);
                break;
            case 1:
                byte[] pattern = new byte[random.Next(1, 40)];
                random.NextBytes(pattern);
                for (int i = 0; i < length; i++)
                {
                    data[i] = random.Next(50) == 0 ? (byte)random.Next(256) : pattern[i % pattern.Length];
                }
                break;
            case 2:
                for (int i = 0; i + 4 <= length; i += 4)
                {
                    BitConverter.TryWriteBytes(data.AsSpan(i), (i / 4 * 3) + random.Next(4));
                }
                break;
            default:
                for (int i = 0; i < length; i++)
                {
                    data[i] = (byte)(i / random.Next(1, 300));
                }
                break;
        }
        return data;
    }

    [Test]
    public void Every_writable_configuration_round_trips_any_bytes()
    {
        Gen<(BloscCodec, byte[])> cases =
            from compressor in Gen.Elements(Writable)
            from level in Gen.Choose(0, 9)
            from shuffle in Gen.Elements(BloscShuffle.NoShuffle, BloscShuffle.Shuffle, BloscShuffle.BitShuffle)
            from typeSize in Gen.Elements(1L, 2L, 3L, 4L, 8L, 16L, 17L, 256L)
            from blockSize in Gen.Elements(0L, 0L, 128L, 200L, 1000L, 4096L, 1L << 40)
            from data in Data
            select (new BloscCodec(compressor, level, shuffle, typeSize, blockSize), data);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (BloscCodec codec, byte[] data) = c;
            using var encoded = new PooledBufferWriter();
            codec.Encode(data, encoded);
            using var decoded = new PooledBufferWriter(16, data.Length);
            codec.Decode(encoded.WrittenMemory.ToArray(), decoded, "k");
            return decoded.WrittenSpan.SequenceEqual(data) && encoded.WrittenCount <= data.Length + BloscHeader.Length;
        }).Check(Config);
    }

    [Test]
    public void Blosclz_streams_round_trip_and_compress_repetitive_data()
    {
        Prop.ForAll(Data.ToArbitrary(), data =>
        {
            // Room for all literals: one control byte per 32.
            byte[] stream = new byte[data.Length + (data.Length / 32) + 1];
            int written = BloscLzEncoder.Encode(data, stream, 14);
            if (data.Length == 0)
            {
                return written == 0;
            }
            byte[] back = new byte[data.Length];
            return BloscLzDecoder.Decode(stream.AsSpan(0, written), back) is null && back.AsSpan().SequenceEqual(data);
        }).Check(Config);
        byte[] repetitive = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251 % 7))];
        byte[] output = new byte[repetitive.Length];
        Assert.That(BloscLzEncoder.Encode(repetitive, output, 14), Is.InRange(1, repetitive.Length / 20));
    }

    [Test]
    public void Shuffles_invert_and_match_their_definitions()
    {
        Gen<(int, byte[])> cases =
            from typeSize in Gen.Choose(1, 20)
            from data in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()
            select (typeSize, data);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (int typeSize, byte[] data) = c;
            int count = data.Length / typeSize;
            byte[] shuffled = new byte[data.Length];
            byte[] back = new byte[data.Length];
            ByteShuffle.Shuffle(typeSize, data, shuffled);
            ByteShuffle.Unshuffle(typeSize, shuffled, back);
            bool byteOk = back.AsSpan().SequenceEqual(data)
                && Enumerable.Range(0, count * typeSize).All(k => shuffled[((k % typeSize) * count) + (k / typeSize)] == data[k]);
            BitShuffle.Shuffle(typeSize, data, shuffled);
            BitShuffle.Unshuffle(typeSize, shuffled, back);
            bool bitOk = back.AsSpan().SequenceEqual(data) && shuffled.AsSpan().SequenceEqual(BitShuffleByDefinition(typeSize, data));
            return byteOk && bitOk;
        }).Check(Config);
    }

    /// <summary>Bit <c>r</c> of byte <c>m</c> of row <c>8 j + k</c> is bit <c>k</c> of byte <c>j</c> of element <c>8 m + r</c>.</summary>
    private static byte[] BitShuffleByDefinition(int typeSize, byte[] data)
    {
        int count = data.Length / typeSize;
        if (count % 8 != 0)
        {
            return data;
        }
        byte[] result = (byte[])data.Clone();
        int rowBytes = count / 8;
        for (int j = 0; j < typeSize; j++)
        {
            for (int k = 0; k < 8; k++)
            {
                for (int m = 0; m < rowBytes; m++)
                {
                    int value = 0;
                    for (int r = 0; r < 8; r++)
                    {
                        value |= ((data[(((8 * m) + r) * typeSize) + j] >> k) & 1) << r;
                    }
                    result[(((8 * j) + k) * rowBytes) + m] = (byte)value;
                }
            }
        }
        return result;
    }

    [Test]
    public void Arbitrary_and_damaged_frames_fail_only_with_the_typed_exception()
    {
        Gen<byte[]> frames =
            from writer in Gen.Elements(Writable).Select(c => new BloscCodec(c, 5, BloscShuffle.Shuffle, 4, 256))
            from data in Data
            from position in Gen.Choose(0, 1 << 20)
            from value in Gen.Choose(0, 255)
            from cut in Gen.Choose(0, 3)
            select Damage(Encode(writer, data), position, (byte)value, cut);
        Gen<byte[]> inputs = Gen.OneOf(frames, ArbMap.Default.GeneratorFor<byte[]>());
        var codec = new BloscCodec(BloscCompressor.Lz4, 1, BloscShuffle.NoShuffle, null);
        Prop.ForAll(inputs.ToArbitrary(), frame =>
        {
            try
            {
                using var output = new PooledBufferWriter(16, 1 << 16);
                codec.Decode(frame, output, "k");
            }
            catch (ConformanceException)
            {
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    private static byte[] Encode(BloscCodec codec, byte[] data)
    {
        using var output = new PooledBufferWriter();
        codec.Encode(data, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>One byte overwritten somewhere, or the end cut off (with cbytes left alone or made to agree).</summary>
    private static byte[] Damage(byte[] frame, int position, byte value, int cut)
    {
        if (cut > 1)
        {
            frame[position % frame.Length] = value;
            return frame;
        }
        byte[] shorter = frame[..Math.Max(0, frame.Length - 1 - (position % 40))];
        if (cut == 1 && shorter.Length >= BloscHeader.Length)
        {
            BitConverter.TryWriteBytes(shorter.AsSpan(12), shorter.Length);
        }
        return shorter;
    }
}
