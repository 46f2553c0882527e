using System.Text.Json;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>
/// nibabel as the oracle: it reads every file our writers make to the same arrays, and our
/// readers read every file nibabel writes as nibabel itself does. Known differences (see
/// <c>tests/Conformance/Peers/nibabel/freesurfer/README.md</c>) are asserted as such.
/// </summary>
[NonParallelizable]
public sealed class NibabelCrossCheckTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp()
    {
        NibabelPeer.Require();
        _directory = new TempDirectory();
    }

    [TearDown]
    public void TearDown() => _directory?.Dispose();

    private string PathOf(string name) => Path.Combine(_directory.Path, name);

    private static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(e => (float)e.GetDouble())];

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static (double, double, double) Triple(JsonElement array) => (array[0].GetDouble(), array[1].GetDouble(), array[2].GetDouble());

    private static FreeSurferSurface RandomSurface(int seed, int vertices, int faces)
    {
        var random = new Random(seed);
        float[] coordinates = [.. Enumerable.Range(0, vertices * 3).Select(_ => (float)((random.NextDouble() * 200) - 100))];
        int[] indices = [.. Enumerable.Range(0, faces * 3).Select(_ => random.Next(vertices))];
        return new FreeSurferSurface(coordinates, indices) { CreatedBy = $"created by conformance on seed {seed}" };
    }

    private static VolumeGeometry Geometry(JsonElement info) => new(
        int.Parse(info.GetProperty("valid").GetString()!.Split('#')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture),
        info.GetProperty("filename").GetString()!,
        (info.GetProperty("volume")[0].GetInt32(), info.GetProperty("volume")[1].GetInt32(), info.GetProperty("volume")[2].GetInt32()),
        Triple(info.GetProperty("voxelsize")),
        Triple(info.GetProperty("xras")),
        Triple(info.GetProperty("yras")),
        Triple(info.GetProperty("zras")),
        Triple(info.GetProperty("cras")));

    [TestCase(0)]
    [TestCase(null)]
    public void Nibabel_reads_our_surfaces_with_their_volume_geometry(int? useRealRas)
    {
        FreeSurferSurface surface = RandomSurface(1, 500, 900);
        surface = new FreeSurferSurface(surface.Coordinates, surface.Faces)
        {
            CreatedBy = surface.CreatedBy,
            UseRealRas = useRealRas,
            VolumeGeometry = FsBytes.SampleGeometry with { VoxelSize = (0.9, 1.0000001, 1.2e-5), CRas = (-0.1, 1e300, -123.456) },
            Tags = [SurfaceTag.ForCommandLine("mris_convert lh.white lh.white.copy")],
        };
        string path = PathOf("lh.white");
        surface.Write(path);
        JsonElement nib = NibabelPeer.Read("geometry", path);
        Assert.That(FsBytes.SameBits(Floats(nib.GetProperty("coords")), surface.Coordinates), "coordinates");
        Assert.That(Ints(nib.GetProperty("faces")), Is.EqualTo(surface.Faces), "faces");
        Assert.That(nib.GetProperty("stamp").GetString(), Is.EqualTo(surface.CreatedBy));
        JsonElement info = nib.GetProperty("volume_info");
        Assert.That(Ints(info.GetProperty("head")), Is.EqualTo(useRealRas is null ? new[] { 20 } : new[] { 2, 0, 20 }));
        Assert.That(info.GetProperty("valid").GetString(), Is.EqualTo("1  # volume info valid"));
        Assert.That(Geometry(info), Is.EqualTo(surface.VolumeGeometry));
    }

    [Test]
    public void Nibabel_does_not_see_the_volume_geometry_after_useRealRAS_1()
    {
        FreeSurferSurface surface = FsBytes.Tetrahedron(FsBytes.SampleGeometry, 1);
        string path = PathOf("lh.scanner");
        surface.Write(path);
        JsonElement nib = NibabelPeer.Read("geometry", path);
        Assert.That(nib.GetProperty("volume_info").EnumerateObject(), Is.Empty, "known deviation: nibabel accepts only the footer heads [20] and [2, 0, 20]");
        Assert.That(Ints(nib.GetProperty("faces")), Is.EqualTo(surface.Faces));
    }

    [Test]
    public void Nibabel_reads_our_curvature()
    {
        var random = new Random(2);
        var curvature = new Curvature([.. Enumerable.Range(0, 1000).Select(_ => (float)((random.NextDouble() * 10) - 5)), 0f, -0f, float.MaxValue, float.Epsilon]) { FaceCount = 1996 };
        string path = PathOf("lh.thickness");
        curvature.Write(path);
        Assert.That(FsBytes.SameBits(Floats(NibabelPeer.Read("curv", path).GetProperty("values")), curvature.Values));
    }

    [TestCase(ColorTableLayout.Version2)]
    [TestCase(ColorTableLayout.Old)]
    public void Nibabel_reads_our_annotations_with_their_colour_table(ColorTableLayout layout)
    {
        ColorTableEntry[] entries =
        [
            new(0, "unknown", 25, 5, 25, 0),
            new(1, "bankssts", 25, 100, 40, 0),
            new(2, "caudalanteriorcingulate", 125, 100, 160, 0),
            new(3, "half-transparent", 220, 20, 10, 128),
        ];
        var random = new Random(3);
        int[] values = [.. Enumerable.Range(0, 300).Select(_ => random.Next(6) is int k && k < entries.Length ? entries[k].Annotation : 0)];
        var annotation = new Annotation([.. Enumerable.Range(0, values.Length)], values, new ColorTable(entries) { Layout = layout, FileName = "FreeSurferColorLUT.txt" });
        string path = PathOf("lh.aparc.annot");
        annotation.Write(path);
        JsonElement nib = NibabelPeer.Read("annot", path);
        Assert.That(Ints(nib.GetProperty("values")), Is.EqualTo(annotation.Values));
        Assert.That(Ints(nib.GetProperty("labels")), Is.EqualTo(annotation.LabelIndices()));
        Assert.That(nib.GetProperty("names").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(entries.Select(e => e.Name)));
        int[][] ctab = [.. nib.GetProperty("ctab").EnumerateArray().Select(Ints)];
        Assert.That(ctab, Is.EqualTo(entries.Select(e => new[] { e.Red, e.Green, e.Blue, e.Transparency, e.Annotation })));
    }

    [Test]
    public void Nibabel_reads_our_labels()
    {
        var random = new Random(4);
        var label = new Label([.. Enumerable.Range(0, 200).Select(i => new LabelPoint(i == 7 ? -1 : random.Next(150_000), (float)random.NextDouble() * 100, -(float)random.NextDouble(), 1e-20f * i, (float)random.NextDouble()))])
        {
            Header = "#!ascii label lh.test, from subject bert vox2ras=TkReg",
        };
        string path = PathOf("lh.test.label");
        label.Write(path);
        JsonElement nib = NibabelPeer.Read("label", path);
        Assert.That(Ints(nib.GetProperty("vertices")), Is.EqualTo(label.Points.Select(p => p.Vertex)));
        Assert.That(FsBytes.SameBits(Floats(nib.GetProperty("values")), [.. label.Points.Select(p => p.Value)]));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void We_read_nibabel_surfaces_as_nibabel_does(bool withVolumeInfo)
    {
        FreeSurferSurface source = RandomSurface(5, 300, 500);
        object? info = withVolumeInfo
            ? new Dictionary<string, object>
            {
                ["head"] = new[] { 2, 0, 20 },
                ["valid"] = "1  # volume info valid",
                ["filename"] = "/subjects/bert/mri/orig.mgz",
                ["volume"] = new[] { 256, 256, 171 },
                ["voxelsize"] = new[] { 1.0, 1.0, 1.2 },
                ["xras"] = new[] { -1.0, 0.0, 0.0 },
                ["yras"] = new[] { 0.0, 0.0, -1.0 },
                ["zras"] = new[] { 0.0, 1.0, 0.0 },
                ["cras"] = new[] { 5.3997802734375, 18.123456789012, -0.000122 },
            }
            : null;
        string path = PathOf("rh.pial");
        NibabelPeer.Write("geometry", new { coords = source.Coordinates, faces = source.Faces, stamp = source.CreatedBy, volume_info = info }, path);
        FreeSurferSurface ours = FreeSurferSurface.Read(path);
        JsonElement nib = NibabelPeer.Read("geometry", path);
        Assert.That(FsBytes.SameBits(ours.Coordinates, source.Coordinates));
        Assert.That(ours.Faces, Is.EqualTo(source.Faces));
        Assert.That(ours.CreatedBy, Is.EqualTo(nib.GetProperty("stamp").GetString()));
        if (withVolumeInfo)
        {
            Assert.That(ours.UseRealRas, Is.EqualTo(0));
            Assert.That(ours.VolumeGeometry, Is.EqualTo(Geometry(nib.GetProperty("volume_info"))));
        }
        else
        {
            Assert.That((ours.UseRealRas, ours.VolumeGeometry, ours.Tags.Count), Is.EqualTo(((int?)null, (VolumeGeometry?)null, 0)));
        }
    }

    [Test]
    public void We_read_nibabel_curvature_as_written()
    {
        var random = new Random(6);
        float[] values = [.. Enumerable.Range(0, 777).Select(_ => (float)((random.NextDouble() * 4) - 2))];
        string path = PathOf("lh.sulc");
        NibabelPeer.Write("curv", new { values, fnum = 1550 }, path);
        Curvature ours = Curvature.Read(path);
        Assert.That(FsBytes.SameBits(ours.Values, values));
        Assert.That((ours.FaceCount, ours.SourceFormat), Is.EqualTo((1550, CurvatureFormat.New)));
    }

    [Test]
    public void We_read_nibabel_annotations_as_written()
    {
        int[][] ctab = [[25, 5, 25, 0], [25, 100, 40, 0], [125, 100, 160, 0], [100, 25, 0, 255]];
        string[] names = ["unknown", "bankssts", "caudalanteriorcingulate", "caudalmiddlefrontal"];
        var random = new Random(7);
        int[] labels = [.. Enumerable.Range(0, 400).Select(_ => random.Next(-1, 4))];
        string path = PathOf("rh.aparc.annot");
        NibabelPeer.Write("annot", new { labels, ctab, names }, path);
        Annotation ours = Annotation.Read(path);
        Assert.That(ours.Vertices, Is.EqualTo(Enumerable.Range(0, labels.Length)));
        Assert.That(ours.LabelIndices(), Is.EqualTo(labels));
        Assert.That(ours.ColorTable!.Layout, Is.EqualTo(ColorTableLayout.Version2));
        Assert.That(ours.ColorTable.FileName, Is.EqualTo("NOFILE"));
        Assert.That(ours.ColorTable.MaxEntries, Is.EqualTo(4));
        Assert.That(ours.ColorTable.Entries, Is.EqualTo(ctab.Select((c, i) => new ColorTableEntry(i, names[i], c[0], c[1], c[2], c[3]))));
        JsonElement nib = NibabelPeer.Read("annot", path);
        Assert.That(ours.Values, Is.EqualTo(Ints(nib.GetProperty("values"))));
    }

    [Test]
    public void Quad_surfaces_differ_from_nibabel_only_in_its_documented_split()
    {
        var bytes = new FsBytes().Int24(FreeSurferSurface.QuadMagic).Int24(40).Int24(30);
        var random = new Random(8);
        for (int i = 0; i < 120; i++)
        {
            bytes.Int16((short)random.Next(-20000, 20000));
        }
        int[][] quads = [.. Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 4).Select(_ => random.Next(40)).ToArray())];
        foreach (int[] quad in quads)
        {
            foreach (int v in quad)
            {
                bytes.Int24(v);
            }
        }
        string path = PathOf("lh.quad");
        File.WriteAllBytes(path, bytes.ToArray());
        FreeSurferSurface ours = FreeSurferSurface.Read(path);
        JsonElement nib = NibabelPeer.Read("quad", path);
        Assert.That(FsBytes.SameBits(Floats(nib.GetProperty("coords")), ours.Coordinates), "coordinates: int16 / 100");

        // nibabel picks the diagonal by the parity of v0, FreeSurfer by nint(sqrt(1.9 v0) + sqrt(3.5 v1)).
        int[] parity = [.. quads.SelectMany(q => q[0] % 2 == 0 ? new[] { q[0], q[1], q[3], q[2], q[3], q[1] } : [q[0], q[1], q[2], q[0], q[2], q[3]])];
        Assert.That(Ints(nib.GetProperty("faces")), Is.EqualTo(parity), "nibabel's split");
        Assert.That(ours.Faces, Is.Not.EqualTo(parity), "the two splits differ for this input");
    }
}
