using System.Buffers.Binary;
using System.Text;
using Conformance.Reference.FreeSurfer;

namespace Conformance.Validator.Fixtures.FreeSurfer;

/// <summary>
/// The sound files every FreeSurfer case starts from, written by the reference writers where
/// they write the layout (triangle surfaces, new curvature, annotations, labels) and byte by
/// byte where they do not (quad surfaces, old curvature), with the offsets cases change.
/// </summary>
internal static class FreeSurferSamples
{
    public const string CreatedBy = "created by conformance on Wed Nov 25 06:00:00 2026";

    /// <summary>Where the vertex and face counts of a triangle surface start: magic, the line, two newlines.</summary>
    public const int CountsStart = 3 + 50 + 2;

    public const int CoordinatesStart = CountsStart + 8;

    /// <summary>Four vertices of the tetrahedron, twelve bytes each.</summary>
    public const int FacesStart = CoordinatesStart + 48;

    /// <summary>A tetrahedron: the corners of the unit axes and the origin, faces wound outwards.</summary>
    private static readonly float[] Tetrahedron = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1];

    private static readonly int[] TetrahedronFaces = [0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3];

    /// <summary>The tetrahedron as FreeSurfer writes a surface: useRealRAS, volume geometry and a command line in the footer.</summary>
    public static byte[] Surface() => new FreeSurferSurface(Tetrahedron, TetrahedronFaces)
    {
        CreatedBy = CreatedBy,
        UseRealRas = 0,
        VolumeGeometry = new VolumeGeometry(1, "../mri/filled.mgz", (256, 256, 256), (1, 1, 1), (-1, 0, 0), (0, 0, -1), (0, 1, 0), (0.5, -17.25, 18)),
        Tags = [SurfaceTag.ForCommandLine("mris_make_surfaces -whilo 75 bert lh")],
    }.ToBytes();

    /// <summary>The tetrahedron with nothing after its faces.</summary>
    public static byte[] PlainSurface() => new FreeSurferSurface(Tetrahedron, TetrahedronFaces) { CreatedBy = CreatedBy }.ToBytes();

    /// <summary>
    /// Two unit quads side by side (vertices 0-2 along x at y = 0, 3-5 at y = 1) in a quad file:
    /// 3-byte counts, coordinates as int16 hundredths (old, 0xFFFFFF) or float32 (new, 0xFFFFFD),
    /// 3-byte corner indices (mrisReadQuadFile).
    /// </summary>
    public static byte[] QuadSurface(bool newLayout)
    {
        var bytes = new List<byte>();
        Int24(bytes, newLayout ? FreeSurferSurface.NewQuadMagic : FreeSurferSurface.QuadMagic);
        Int24(bytes, 6);
        Int24(bytes, 2);
        for (int v = 0; v < 6; v++)
        {
            foreach (int hundredths in new[] { 100 * (v % 3), 100 * (v / 3), 0 })
            {
                if (newLayout)
                {
                    Int32(bytes, BitConverter.SingleToInt32Bits(hundredths / 100f));
                }
                else
                {
                    bytes.Add((byte)(hundredths >> 8));
                    bytes.Add((byte)hundredths);
                }
            }
        }
        foreach (int corner in new[] { 0, 1, 4, 3, 1, 2, 5, 4 })
        {
            Int24(bytes, corner);
        }
        return [.. bytes];
    }

    /// <summary>Where the corners of quad <paramref name="quad"/> start in <see cref="QuadSurface"/>.</summary>
    public static int QuadStart(bool newLayout, int quad) => 9 + (6 * (newLayout ? 12 : 6)) + (12 * quad);

    public static readonly float[] CurvatureValues = [0.5f, -1.25f, 2, 0.75f];

    /// <summary>Four values in the new layout (magic, counts, 1 value per vertex, float32 values).</summary>
    public static byte[] Curvature() => new Curvature(CurvatureValues) { FaceCount = 4 }.ToBytes();

    /// <summary>The same values in the old layout: 3-byte counts, int16 hundredths (MRISreadBinaryCurvature).</summary>
    public static byte[] OldCurvature()
    {
        var bytes = new List<byte>();
        Int24(bytes, CurvatureValues.Length);
        Int24(bytes, 4);
        foreach (float value in CurvatureValues)
        {
            short hundredths = (short)Math.Round(value * 100);
            bytes.Add((byte)(hundredths >> 8));
            bytes.Add((byte)hundredths);
        }
        return [.. bytes];
    }

    private static readonly ColorTableEntry[] Entries =
    [
        new(0, "unknown", 25, 5, 25, 0),
        new(1, "bankssts", 25, 100, 40, 0),
        new(2, "precentral", 60, 20, 220, 0),
    ];

    public const int Pairs = 6;

    /// <summary>
    /// Six vertices, one with no label (0), the rest coloured by the table's entries, and the
    /// table in the version 2 layout (size 36, as FreeSurfer's aparc table) or the old one.
    /// </summary>
    public static byte[] Annotation(ColorTableLayout? layout)
    {
        int[] values = [Entries[0].Annotation, Entries[1].Annotation, Entries[1].Annotation, Entries[2].Annotation, 0, Entries[2].Annotation];
        ColorTable? table = layout switch
        {
            ColorTableLayout.Old => new ColorTable(Entries) { Layout = ColorTableLayout.Old, MaxEntries = Entries.Length, FileName = "/usr/local/freesurfer/FreeSurferColorLUT.txt" },
            ColorTableLayout.Version2 => new ColorTable(Entries) { Layout = ColorTableLayout.Version2, MaxEntries = 36, FileName = "/usr/local/freesurfer/FreeSurferColorLUT.txt" },
            _ => null,
        };
        return new Annotation([0, 1, 2, 3, 4, 5], values, table).ToBytes();
    }

    /// <summary>Where the version 2 table's second entry index is: after the tag, version, size, file name, count and the first entry.</summary>
    public static int SecondEntryIndex()
    {
        int start = 4 + (8 * Pairs) + 4 + 4 + 4;
        start += 4 + Encoding.UTF8.GetByteCount("/usr/local/freesurfer/FreeSurferColorLUT.txt") + 1 + 4;
        return start + 4 + 4 + Encoding.UTF8.GetByteCount(Entries[0].Name) + 1 + 16;
    }

    /// <summary>A label of four points, the last with no vertex (-1), as LabelWrite lays it out.</summary>
    public static byte[] Label() => new Label(
    [
        new LabelPoint(10, -30.5f, 12.25f, 4, 0),
        new LabelPoint(11, -31, 12.5f, 4.5f, 0),
        new LabelPoint(12, -31.5f, 13, 5, 0.25f),
        new LabelPoint(-1, -32, 13.5f, 5.5f, 0),
    ])
    { Header = "#!ascii label  , from subject bert vox2ras=TkReg" }.ToBytes();

    /// <summary>The text with line <paramref name="index"/> (0 the header) changed.</summary>
    public static byte[] ChangeLine(byte[] text, int index, Func<string, string> change)
    {
        string[] lines = Encoding.UTF8.GetString(text).Split('\n');
        lines[index] = change(lines[index]);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    public static byte[] SetInt32(byte[] bytes, int offset, int value)
    {
        byte[] copy = [.. bytes];
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(offset), value);
        return copy;
    }

    public static byte[] SetSingle(byte[] bytes, int offset, float value) => SetInt32(bytes, offset, BitConverter.SingleToInt32Bits(value));

    public static byte[] SetInt24(byte[] bytes, int offset, int value)
    {
        byte[] copy = [.. bytes];
        copy[offset] = (byte)(value >> 16);
        copy[offset + 1] = (byte)(value >> 8);
        copy[offset + 2] = (byte)value;
        return copy;
    }

    /// <summary>The bytes with every <paramref name="from"/> replaced; Latin-1 keeps every other byte as it is.</summary>
    public static byte[] Replace(byte[] bytes, string from, string to) =>
        Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace(from, to, StringComparison.Ordinal));

    private static void Int24(List<byte> bytes, int value)
    {
        bytes.Add((byte)(value >> 16));
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }

    private static void Int32(List<byte> bytes, int value)
    {
        bytes.Add((byte)(value >> 24));
        bytes.Add((byte)(value >> 16));
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }
}
