using System.Buffers.Binary;
using System.Text;
using Conformance.Reference.FreeSurfer;

namespace Conformance.Tests.FreeSurfer;

/// <summary>Hand-built FreeSurfer bytes for the tests, and model comparisons that look at every field.</summary>
internal sealed class FsBytes
{
    private readonly List<byte> _bytes = [];

    public FsBytes Int24(int value)
    {
        _bytes.AddRange([(byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        return this;
    }

    public FsBytes Int16(short value)
    {
        byte[] b = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public FsBytes Int32(params int[] values)
    {
        foreach (int value in values)
        {
            byte[] b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, value);
            _bytes.AddRange(b);
        }
        return this;
    }

    public FsBytes Int64(long value)
    {
        byte[] b = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public FsBytes Single(params float[] values)
    {
        foreach (float value in values)
        {
            byte[] b = new byte[4];
            BinaryPrimitives.WriteSingleBigEndian(b, value);
            _bytes.AddRange(b);
        }
        return this;
    }

    public FsBytes Text(string text)
    {
        _bytes.AddRange(Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>An int32 length counting the NUL, the text and the NUL, as colour tables store strings.</summary>
    public FsBytes String(string text) => Int32(Encoding.UTF8.GetByteCount(text) + 1).Text(text + "\0");

    public byte[] ToArray() => [.. _bytes];

    public static bool SameBits(float[] a, float[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.SingleToInt32Bits(p.First) == BitConverter.SingleToInt32Bits(p.Second));

    public static void AssertSame(FreeSurferSurface expected, FreeSurferSurface actual)
    {
        Assert.That(SameBits(actual.Coordinates, expected.Coordinates), "coordinates");
        Assert.That(actual.Faces, Is.EqualTo(expected.Faces), "faces");
        Assert.That(actual.CreatedBy, Is.EqualTo(expected.CreatedBy), "created by");
        Assert.That(actual.UseRealRas, Is.EqualTo(expected.UseRealRas), "useRealRAS");
        Assert.That(actual.VolumeGeometry, Is.EqualTo(expected.VolumeGeometry), "volume geometry");
        Assert.That(actual.Tags, Is.EqualTo(expected.Tags), "tags");
    }

    public static void AssertSame(Annotation expected, Annotation actual)
    {
        Assert.That(actual.Vertices, Is.EqualTo(expected.Vertices), "vertices");
        Assert.That(actual.Values, Is.EqualTo(expected.Values), "values");
        Assert.That(actual.ColorTable is null, Is.EqualTo(expected.ColorTable is null), "colour table present");
        if (expected.ColorTable is ColorTable table)
        {
            Assert.That(actual.ColorTable!.Entries, Is.EqualTo(table.Entries), "entries");
            Assert.That(actual.ColorTable.Layout, Is.EqualTo(table.Layout), "layout");
            Assert.That(actual.ColorTable.MaxEntries, Is.EqualTo(table.MaxEntries), "size");
            Assert.That(actual.ColorTable.FileName, Is.EqualTo(table.FileName), "file name");
        }
    }

    public static void AssertSame(Label expected, Label actual)
    {
        Assert.That(actual.Header, Is.EqualTo(expected.Header), "header");
        Assert.That(actual.Points, Is.EqualTo(expected.Points), "points");
    }

    public static VolumeGeometry SampleGeometry => new(
        1, "../mri/filled-pretess255.mgz", (256, 256, 256), (1, 1, 1),
        (-1, 0, 0), (0, 0, -1), (0, 1, 0), (5.3997802734375, 18, 0.0001220703125));

    public static FreeSurferSurface Tetrahedron(VolumeGeometry? geometry = null, int? useRealRas = null, params SurfaceTag[] tags) =>
        new([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1.5f], [0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 3])
        {
            CreatedBy = "created by tests on Wed Nov 25 05:00:00 2026",
            VolumeGeometry = geometry,
            UseRealRas = useRealRas,
            Tags = tags,
        };
}
