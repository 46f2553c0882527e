using System.Text;
using Conformance.Reference;
using Conformance.Reference.FreeSurfer;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.FreeSurfer;

/// <summary>
/// Bad magic, truncation and absurd counts end in one typed exception carrying a rule ID and the
/// byte offset: never a crash, and never an allocation the input dictates.
/// </summary>
public sealed class HostileFreeSurferTests
{
    private static ConformanceException Fails(Action read) => Assert.Throws<ConformanceException>(() => read())!;

    private static byte[] Triangles(int vertices, int faces) =>
        new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(vertices, faces).ToArray();

    [Test]
    public void Bad_or_missing_surface_magic()
    {
        Assert.That(Fails(() => FreeSurferSurface.Parse([1, 2, 3, 4], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceMagic));
        Assert.That(Fails(() => FreeSurferSurface.Parse([0xFF, 0xFF], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceMagic));
        Assert.That(Fails(() => FreeSurferSurface.Parse(new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("no newline").ToArray(), "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceStamp));
    }

    [TestCase(int.MaxValue, 0)]
    [TestCase(0, int.MaxValue)]
    [TestCase(int.MaxValue, int.MaxValue)]
    [TestCase(-1, 0)]
    [TestCase(3, 1)]
    public void Huge_negative_or_unbacked_surface_counts(int vertices, int faces)
    {
        ConformanceException e = Fails(() => FreeSurferSurface.Parse(Triangles(vertices, faces), "lh.white"));
        Assert.That((e.RuleId, e.Location), Is.EqualTo((FreeSurferRules.SurfaceCounts, "lh.white@6")));
    }

    [Test]
    public void Huge_quad_counts()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.QuadMagic).Int24(0xFFFFFE).Int24(0xFFFFFE).ToArray();
        Assert.That(Fails(() => FreeSurferSurface.Parse(bytes, "q")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceCounts));
    }

    [Test]
    public void A_face_naming_a_missing_vertex()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(3, 1).Single(0, 0, 0, 0, 0, 0, 0, 0, 0).Int32(0, 1, 3).ToArray();
        ConformanceException e = Fails(() => FreeSurferSurface.Parse(bytes, "s"));
        Assert.That((e.RuleId, e.Location), Is.EqualTo((FreeSurferRules.SurfaceFaceIndex, $"s@{14 + 36 + 8}")));
    }

    [TestCase(40, 2, -1)]
    [TestCase(40, 39, 40)]
    [TestCase(40, 17, int.MinValue)]
    [TestCase(40, 0, int.MaxValue)]
    public void The_first_face_index_out_of_range_is_reported_wherever_it_is(int vertices, int badAt, int badValue)
    {
        // Many faces, so the bulk check sees vector-sized blocks and a tail; a second bad index
        // after the first must not be the one reported.
        int[] faces = [.. Enumerable.Range(0, 3 * 50).Select(i => i % Math.Max(vertices, 1))];
        faces[badAt] = badValue;
        faces[^1] = -7;
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(vertices, 50).Single(new float[vertices * 3]).Int32(faces).ToArray();
        ConformanceException e = Fails(() => FreeSurferSurface.Parse(bytes, "s"));
        Assert.That((e.RuleId, e.Location), Is.EqualTo((FreeSurferRules.SurfaceFaceIndex, $"s@{14 + (vertices * 12) + (badAt * 4)}")));
    }

    [Test]
    public void Faces_with_no_vertices_are_refused()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(0, 1).Int32(0, 0, 0).ToArray();
        ConformanceException e = Fails(() => FreeSurferSurface.Parse(bytes, "s"));
        Assert.That((e.RuleId, e.Location), Is.EqualTo((FreeSurferRules.SurfaceFaceIndex, "s@14")));
    }

    [Test]
    public void Footer_tags_cut_short_or_with_huge_lengths()
    {
        byte[] empty = Triangles(0, 0);
        Assert.That(Fails(() => FreeSurferSurface.Parse([.. empty, 0, 0], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceTag));
        Assert.That(Fails(() => FreeSurferSurface.Parse([.. empty, .. new FsBytes().Int32(3).Int64(long.MaxValue).ToArray()], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceTag));
        Assert.That(Fails(() => FreeSurferSurface.Parse([.. empty, .. new FsBytes().Int32(3).Int64(-1).ToArray()], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceTag));
        Assert.That(Fails(() => FreeSurferSurface.Parse([.. empty, .. new FsBytes().Int32(2).ToArray()], "s")).RuleId, Is.EqualTo(FreeSurferRules.SurfaceTag));
    }

    [TestCase("valid = 1\nfilename = a\n")]
    [TestCase("filename = a\nvalid = 1\nvolume = 1 1 1\nvoxelsize = 1 1 1\nxras = 1 0 0\nyras = 0 1 0\nzras = 0 0 1\ncras = 0 0 0\n")]
    [TestCase("valid = 1\nfilename = a\nvolume = 1 1\nvoxelsize = 1 1 1\nxras = 1 0 0\nyras = 0 1 0\nzras = 0 0 1\ncras = 0 0 0\n")]
    [TestCase("valid = yes\nfilename = a\nvolume = 1 1 1\nvoxelsize = 1 1 1\nxras = 1 0 0\nyras = 0 1 0\nzras = 0 0 1\ncras = 0 0 0\n")]
    [TestCase("valid = 1\nfilename = a\nvolume = 1 1 1\nvoxelsize = 1 x 1\nxras = 1 0 0\nyras = 0 1 0\nzras = 0 0 1\ncras = 0 0 0\n")]
    public void A_broken_volume_geometry(string text)
    {
        byte[] bytes = [.. Triangles(0, 0), .. new FsBytes().Int32(20).Text(text).ToArray()];
        Assert.That(Fails(() => FreeSurferSurface.Parse(bytes, "s")).RuleId, Is.EqualTo(FreeSurferRules.VolumeGeometry));
    }

    [Test]
    public void Huge_or_truncated_curvature()
    {
        ConformanceException e = Fails(() => Curvature.Parse(new FsBytes().Int24(0xFFFFFF).Int32(int.MaxValue, 0, 1).ToArray(), "c"));
        Assert.That((e.RuleId, e.Location), Is.EqualTo((FreeSurferRules.CurvatureHeader, "c@3")));
        Assert.That(Fails(() => Curvature.Parse(new FsBytes().Int24(0xFFFFFF).Int32(-5, 0, 1).ToArray(), "c")).RuleId, Is.EqualTo(FreeSurferRules.CurvatureHeader));
        Assert.That(Fails(() => Curvature.Parse(new FsBytes().Int24(0xFFFFFF).Int32(1).ToArray(), "c")).RuleId, Is.EqualTo(FreeSurferRules.CurvatureHeader));
        Assert.That(Fails(() => Curvature.Parse([0xFF], "c")).RuleId, Is.EqualTo(FreeSurferRules.CurvatureHeader));
        Assert.That(Fails(() => Curvature.Parse(new FsBytes().Int24(0xFFFFFE).Int24(0).ToArray(), "c")).RuleId, Is.EqualTo(FreeSurferRules.CurvatureOldData));
    }

    [Test]
    public void Huge_negative_or_broken_annotations()
    {
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(int.MaxValue).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.AnnotationPairs));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(-1).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.AnnotationPairs));
        Assert.That(Fails(() => Annotation.Parse([0, 0], "a")).RuleId, Is.EqualTo(FreeSurferRules.AnnotationPairs));
        ConformanceException vertex = Fails(() => Annotation.Parse(new FsBytes().Int32(2, 0, 0, -4, 0).ToArray(), "a"));
        Assert.That((vertex.RuleId, vertex.Location), Is.EqualTo((FreeSurferRules.AnnotationVertex, "a@12")));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 7).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.AnnotationColorTableTag));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, 0).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableVersion));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -3).ToArray(), "a")).Outcome, Is.EqualTo(Conformance.Reference.Outcome.Unsupported));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, int.MaxValue).String("").ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableData));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, 1, int.MaxValue).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableData));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, 1, -1).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableData));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -2, 0).String("").Int32(0).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableIndex));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -2, 4).String("").Int32(int.MaxValue).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableData));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -2, 4).String("").Int32(1, 4).String("x").Int32(1, 2, 3, 0).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableIndex));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -2, 4).String("").Int32(2, 1).String("x").Int32(1, 2, 3, 0).Int32(1).String("y").Int32(1, 2, 3, 0).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableIndex));
        Assert.That(Fails(() => Annotation.Parse(new FsBytes().Int32(0, 1, -2, 4).String("").Int32(1, 1).String("x").Int32(1, 2).ToArray(), "a")).RuleId, Is.EqualTo(FreeSurferRules.ColorTableData));
    }

    [TestCase("", FreeSurferRules.LabelHeader)]
    [TestCase("#!ascii label", FreeSurferRules.LabelCount)]
    [TestCase("#!ascii label\n-1\n", FreeSurferRules.LabelCount)]
    [TestCase("#!ascii label\nmany\n", FreeSurferRules.LabelCount)]
    [TestCase("#!ascii label\n2147483647\n1 2 3 4 5\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n2\n1 2 3 4 5\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n1\n1 2 3 4\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n1\n1 2 3 4 5 6\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n1\n1.5 2 3 4 5\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n1\n1 2 3 4 five\n", FreeSurferRules.LabelPoint)]
    [TestCase("#!ascii label\n1\n1 2 3 4 5\n6 7 8 9 10\n", FreeSurferRules.LabelTrailing)]
    public void Broken_labels(string text, string rule)
    {
        Assert.That(Fails(() => Label.Parse(Encoding.UTF8.GetBytes(text), "l")).RuleId, Is.EqualTo(rule));
    }

    [Test]
    public void A_broken_label_line_names_its_offset() =>
        Assert.That(Fails(() => Label.Parse("#\n2\n1 2 3 4 5\nbad line here\n"u8, "l")).Location, Is.EqualTo("l@14"));

    [Test]
    public void Arbitrary_bytes_fail_only_with_the_typed_exception() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => Only(bytes)).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Test]
    public void Mutated_valid_files_fail_only_with_the_typed_exception()
    {
        byte[][] valid =
        [
            FsBytes.Tetrahedron(FsBytes.SampleGeometry, 0, SurfaceTag.ForCommandLine("cmd")).ToBytes(),
            new Curvature([1, 2, 3]).ToBytes(),
            new Annotation([0, 1], [1639705, 0], new ColorTable([new ColorTableEntry(0, "unknown", 25, 5, 25, 0)])).ToBytes(),
            new Annotation([0], [0], new ColorTable([new ColorTableEntry(0, "unknown", 25, 5, 25, 0)]) { Layout = ColorTableLayout.Old }).ToBytes(),
            new Label([new LabelPoint(1, 2, 3, 4, 5)]).ToBytes(),
        ];
        Gen<byte[]> mutations =
            from source in Gen.Elements(valid)
            from position in Gen.Choose(0, source.Length - 1)
            from value in Gen.Elements<byte>(0, 1, 0x7F, 0x80, 0xFF, (byte)'\n', (byte)' ', (byte)'=', (byte)'-')
            from count in Gen.Choose(1, 4)
            from truncate in Gen.Choose(0, 3)
            select Mutate(source, position, value, count, truncate);
        Prop.ForAll(mutations.ToArbitrary(), Only).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static byte[] Mutate(byte[] source, int position, byte value, int count, int truncate)
    {
        byte[] copy = truncate == 0 ? source[..position] : (byte[])source.Clone();
        for (int i = position; i < Math.Min(copy.Length, position + count); i++)
        {
            copy[i] = value;
        }
        return copy;
    }

    /// <summary>True when every reader succeeds or throws a <see cref="ConformanceException"/> on <paramref name="bytes"/>.</summary>
    private static bool Only(byte[] bytes)
    {
        Action[] readers =
        [
            () => FreeSurferSurface.Parse(bytes, "f"),
            () => Curvature.Parse(bytes, "f"),
            () => Annotation.Parse(bytes, "f"),
            () => Label.Parse(bytes, "f"),
        ];
        foreach (Action read in readers)
        {
            try
            {
                read();
            }
            catch (ConformanceException)
            {
            }
        }
        return true;
    }
}
