using System.Buffers.Binary;

namespace Conformance.Reference.Buffers;

/// <summary>
/// Typed arrays to and from the little-endian element bytes the format-neutral model holds, for
/// formats whose readers return typed values (FreeSurfer).
/// </summary>
internal static class LittleEndianArrays
{
    public static byte[] Bytes(float[] values)
    {
        byte[] bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }
        return bytes;
    }

    public static byte[] Bytes(int[] values)
    {
        byte[] bytes = new byte[values.Length * sizeof(int)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), values[i]);
        }
        return bytes;
    }

    public static float[] Floats(ReadOnlySpan<byte> bytes)
    {
        float[] values = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
        return values;
    }

    public static int[] Ints(ReadOnlySpan<byte> bytes)
    {
        int[] values = new int[bytes.Length / sizeof(int)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * sizeof(int))..]);
        }
        return values;
    }
}
