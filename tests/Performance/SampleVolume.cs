using System.Runtime.InteropServices;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Performance;

/// <summary>The element types benchmarked; each volume holds 256 MiB.</summary>
public enum SampleType
{
    UInt16,
    Float32,
}

/// <summary>
/// A deterministic 256 MiB volume that looks like measured data: a smooth field (separable
/// sines, as in a scan of a slowly varying object) plus a few bits of noise per element, so
/// gzip and zstd find redundancy to remove but cannot collapse the data to nothing (they keep
/// roughly half to nine tenths of the bytes).
/// </summary>
internal static class SampleVolume
{
    public const int ChunkEdge = 64;

    /// <summary>uint16 512^3 and float32 512x512x256: 256 MiB each.</summary>
    public static int[] Shape(SampleType type) => type switch
    {
        SampleType.UInt16 => [512, 512, 512],
        SampleType.Float32 => [512, 512, 256],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static int[] ChunkShape => [ChunkEdge, ChunkEdge, ChunkEdge];

    public static ElementType ElementType(SampleType type) => type switch
    {
        SampleType.UInt16 => Reference.Model.ElementType.UInt16,
        SampleType.Float32 => Reference.Model.ElementType.Float32,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static ZarrDataType DataType(SampleType type) => type switch
    {
        SampleType.UInt16 => IntegerDataType.UInt16,
        SampleType.Float32 => FloatDataType.Float32,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static NdArray Create(SampleType type)
    {
        int[] shape = Shape(type);
        NdArray array = NdArray.Create(ElementType(type), shape);
        (int depth, int height, int width) = (shape[0], shape[1], shape[2]);
        double[] alongZ = Wave(depth, 71.0, 900.0);
        double[] alongY = Wave(height, 131.0, 1.0);
        double[] alongX = Wave(width, 97.0, 1200.0);
        ulong state = 0x9E3779B97F4A7C15UL;
        if (type == SampleType.UInt16)
        {
            Span<ushort> values = MemoryMarshal.Cast<byte, ushort>(array.Bytes);
            int i = 0;
            for (int z = 0; z < depth; z++)
            {
                for (int y = 0; y < height; y++)
                {
                    double row = 4000.0 + alongZ[z];
                    double amplitude = 0.5 + 0.5 * alongY[y];
                    for (int x = 0; x < width; x++)
                    {
                        // 3 bits of uniform noise around the field.
                        int noise = (int)(Next(ref state) >> 61) - 4;
                        values[i++] = (ushort)(row + amplitude * alongX[x] + noise);
                    }
                }
            }
        }
        else
        {
            Span<float> values = MemoryMarshal.Cast<byte, float>(array.Bytes);
            int i = 0;
            for (int z = 0; z < depth; z++)
            {
                for (int y = 0; y < height; y++)
                {
                    double row = 4.0 + alongZ[z] / 1000.0;
                    double amplitude = 0.5 + 0.5 * alongY[y];
                    for (int x = 0; x < width; x++)
                    {
                        // Triangular noise of about 0.01, then a 1/4096 grid, as from a sensor with
                        // 12 fractional bits: random low bits, but not the whole mantissa.
                        double noise = ((Next(ref state) >> 40) + (Next(ref state) >> 40)) / (double)(1UL << 25) - 0.5;
                        double value = row + amplitude * alongX[x] / 1000.0 + 0.02 * noise;
                        values[i++] = (float)(Math.Round(value * 4096.0) / 4096.0);
                    }
                }
            }
        }
        return array;
    }

    private static double[] Wave(int length, double period, double amplitude)
    {
        double[] wave = new double[length];
        for (int i = 0; i < length; i++)
        {
            wave[i] = amplitude * Math.Sin(2.0 * Math.PI * i / period);
        }
        return wave;
    }

    // xorshift64*: fast, and the same sequence on every machine.
    private static ulong Next(ref ulong state)
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }
}
