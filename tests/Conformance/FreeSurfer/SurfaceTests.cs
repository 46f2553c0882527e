using Conformance.Reference;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>Triangle surfaces round trip with their footer; quad surfaces read as FreeSurfer triangulates them.</summary>
public sealed class SurfaceTests
{
    [Test]
    public void A_surface_with_its_whole_footer_rewrites_byte_identically_and_reads_back_equal()
    {
        FreeSurferSurface surface = FsBytes.Tetrahedron(FsBytes.SampleGeometry, 0,
            SurfaceTag.ForCommandLine("mris_make_surfaces -whiteonly subject lh"), new SurfaceTag(32, [0x41, 0x20, 0, 0]));
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.white");
        surface.Write(path);
        byte[] first = File.ReadAllBytes(path);
        FreeSurferSurface back = FreeSurferSurface.Read(path);
        FsBytes.AssertSame(surface, back);
        Assert.That(back.CommandLines, Is.EqualTo(new[] { "mris_make_surfaces -whiteonly subject lh" }));
        Assert.That(back.ToBytes(), Is.EqualTo(first));
    }

    [Test]
    public void The_footer_is_laid_out_as_FreeSurfer_writes_it()
    {
        byte[] bytes = FsBytes.Tetrahedron(FsBytes.SampleGeometry, 0).ToBytes();
        int footer = 3 + "created by tests on Wed Nov 25 05:00:00 2026\n\n".Length + 8 + (12 * 4) + (12 * 4);
        Assert.That(bytes[footer..(footer + 12)], Is.EqualTo(new FsBytes().Int32(2, 0, 20).ToArray()));
        string text = System.Text.Encoding.UTF8.GetString(bytes[(footer + 12)..]);
        Assert.That(text, Does.StartWith("valid = 1  # volume info valid\nfilename = ../mri/filled-pretess255.mgz\nvolume = 256 256 256\nvoxelsize = 1 1 1\nxras   = -1 0 0\n"));
    }

    [Test]
    public void The_volume_geometry_as_FreeSurfer_prints_it_is_read()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("created by fs\n\n").Int32(1, 0).Single(1, 2, 3)
            .Int32(2, 1, 20)
            .Text("valid = 1  # volume info valid\nfilename = /subjects/bert/mri/filled-pretess255.mgz\nvolume = 256 256 256\n")
            .Text("voxelsize = 1.000000000000000e+00 1.000000000000000e+00 1.000000000000000e+00\n")
            .Text("xras   = -1.000000000000000e+00 0.000000000000000e+00 0.000000000000000e+00\n")
            .Text("yras   = 0.000000000000000e+00 0.000000000000000e+00 -1.000000000000000e+00\n")
            .Text("zras   = 0.000000000000000e+00 1.000000000000000e+00 0.000000000000000e+00\n")
            .Text("cras   = 5.399780273437500e+00 1.800000000000000e+01 1.220703125000000e-04\n")
            .Int32(3).Int64(6).Text("a b c\0")
            .ToArray();
        FreeSurferSurface surface = FreeSurferSurface.Parse(bytes, "lh.orig");
        Assert.That(surface.UseRealRas, Is.EqualTo(1));
        Assert.That(surface.VolumeGeometry, Is.EqualTo(FsBytes.SampleGeometry with { FileName = "/subjects/bert/mri/filled-pretess255.mgz" }));
        Assert.That(surface.CommandLines, Is.EqualTo(new[] { "a b c" }));
        FsBytes.AssertSame(surface, FreeSurferSurface.Parse(surface.ToBytes(), "again"));
    }

    [Test]
    public void A_created_by_line_with_one_newline_is_read()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("created by someone\n").Int32(3, 1).Single(0, 0, 0, 1, 0, 0, 0, 1, 0).Int32(0, 1, 2).ToArray();
        FreeSurferSurface surface = FreeSurferSurface.Parse(bytes, "one-newline");
        Assert.That(surface.CreatedBy, Is.EqualTo("created by someone"));
        Assert.That(surface.VertexCount, Is.EqualTo(3));
        Assert.That(surface.Faces, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(surface.ToBytes()[3..(3 + 20)], Is.EqualTo(System.Text.Encoding.ASCII.GetBytes("created by someone\n\n")), "written back with two newlines");
    }

    [Test]
    public void A_zero_tag_ends_the_footer_as_in_FreeSurfer()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(0, 0).Int32(2, 1, 0).Text("junk").ToArray();
        FreeSurferSurface surface = FreeSurferSurface.Parse(bytes, "zero");
        Assert.That(surface.UseRealRas, Is.EqualTo(1));
        Assert.That(surface.Tags, Is.Empty);
    }

    [Test]
    public void An_old_quad_file_reads_hundredths_and_splits_quads_as_FreeSurfer_does()
    {
        // Quads (0, 1, 2, 3): nint(sqrt(0) + sqrt(3.5)) = 2, even; (4, 5, 6, 7): nint(2.76 + 4.18) = 7, odd.
        var bytes = new FsBytes().Int24(FreeSurferSurface.QuadMagic).Int24(8).Int24(2);
        for (short i = 0; i < 24; i++)
        {
            bytes.Int16((short)((i * 125) - 1000));
        }
        bytes.Int24(0).Int24(1).Int24(2).Int24(3).Int24(4).Int24(5).Int24(6).Int24(7).Int32(FreeSurferSurface.TagUseRealRas, 1);
        FreeSurferSurface surface = FreeSurferSurface.Parse(bytes.ToArray(), "lh.quad");
        Assert.That(surface.SourceFormat, Is.EqualTo(SurfaceFormat.Quad));
        Assert.That(surface.Coordinates[..3], Is.EqualTo(new[] { -10f, -8.75f, -7.5f }));
        Assert.That(surface.Coordinates[23], Is.EqualTo((float)(((23 * 125) - 1000) / 100.0)));
        Assert.That(surface.Faces, Is.EqualTo(new[] { 0, 1, 3, 2, 3, 1, 4, 5, 6, 4, 6, 7 }));
        Assert.That(surface.UseRealRas, Is.EqualTo(1));
    }

    [Test]
    public void A_new_quad_file_reads_float_coordinates()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.NewQuadMagic).Int24(4).Int24(1)
            .Single(0.5f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11.25f).Int24(3).Int24(2).Int24(1).Int24(0).ToArray();
        FreeSurferSurface surface = FreeSurferSurface.Parse(bytes, "lh.newquad");
        Assert.That(surface.SourceFormat, Is.EqualTo(SurfaceFormat.NewQuad));
        Assert.That(surface.Coordinates[0], Is.EqualTo(0.5f));
        Assert.That(surface.Coordinates[11], Is.EqualTo(11.25f));
        // nint(sqrt(5.7) + sqrt(7)) = nint(5.03) = 5, odd.
        Assert.That(surface.Faces, Is.EqualTo(new[] { 3, 2, 1, 3, 1, 0 }));
        FreeSurferSurface rewritten = FreeSurferSurface.Parse(surface.ToBytes(), "rewritten");
        Assert.That(rewritten.SourceFormat, Is.EqualTo(SurfaceFormat.Triangle));
        Assert.That(rewritten.Faces, Is.EqualTo(surface.Faces));
    }

    [Test]
    public void An_old_length_less_tag_is_unsupported()
    {
        byte[] bytes = new FsBytes().Int24(FreeSurferSurface.TriangleMagic).Text("x\n\n").Int32(0, 0).Int32(FreeSurferSurface.TagOldMghTransform, 5).ToArray();
        ConformanceException e = Assert.Throws<ConformanceException>(() => FreeSurferSurface.Parse(bytes, "f"))!;
        Assert.That((e.RuleId, e.Outcome, e.Location), Is.EqualTo((FreeSurferRules.SurfaceOldTag, Outcome.Unsupported, "f@14")));
    }

    [Test]
    public void The_writer_refuses_what_it_cannot_write()
    {
        Assert.Throws<InvalidOperationException>(() => new FreeSurferSurface([0, 0, 0], [0, 0, 1]).ToBytes());
        Assert.Throws<InvalidOperationException>(() => new FreeSurferSurface([], []) { CreatedBy = "two\nlines" }.ToBytes());
        Assert.Throws<InvalidOperationException>(() => FsBytes.Tetrahedron(null, null, new SurfaceTag(20, [])).ToBytes());
        Assert.Throws<InvalidOperationException>(() => FsBytes.Tetrahedron(FsBytes.SampleGeometry with { FileName = "a\nb" }).ToBytes());
    }
}
