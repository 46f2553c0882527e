using Conformance.Reference;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>Curvature files: the new layout round trips, the old one is read.</summary>
public sealed class CurvatureTests
{
    [Test]
    public void New_layout_rewrites_byte_identically_and_reads_back_equal()
    {
        var curvature = new Curvature([0.25f, -1.5f, float.NaN, float.PositiveInfinity, -0f, 1e-30f]) { FaceCount = 8 };
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.curv");
        curvature.Write(path);
        byte[] first = File.ReadAllBytes(path);
        Assert.That(first[..15], Is.EqualTo(new FsBytes().Int24(0xFFFFFF).Int32(6, 8, 1).ToArray()));
        Curvature back = Curvature.Read(path);
        Assert.That(FsBytes.SameBits(back.Values, curvature.Values));
        Assert.That((back.FaceCount, back.SourceFormat), Is.EqualTo((8, CurvatureFormat.New)));
        Assert.That(back.ToBytes(), Is.EqualTo(first));
    }

    [Test]
    public void Old_layout_reads_int16_hundredths()
    {
        byte[] bytes = new FsBytes().Int24(3).Int24(2).Int16(125).Int16(-32768).Int16(7).ToArray();
        Curvature curvature = Curvature.Parse(bytes, "lh.curv.old");
        Assert.That(curvature.SourceFormat, Is.EqualTo(CurvatureFormat.Old));
        Assert.That(curvature.FaceCount, Is.EqualTo(2));
        Assert.That(curvature.Values, Is.EqualTo(new[] { 1.25f, -327.68f, (float)(7 / 100.0) }));
        Curvature rewritten = Curvature.Parse(curvature.ToBytes(), "new");
        Assert.That(rewritten.SourceFormat, Is.EqualTo(CurvatureFormat.New));
        Assert.That(FsBytes.SameBits(rewritten.Values, curvature.Values));
    }

    [Test]
    public void More_than_one_value_per_vertex_is_unsupported()
    {
        byte[] bytes = new FsBytes().Int24(0xFFFFFF).Int32(1, 0, 3).Single(1, 2, 3).ToArray();
        ConformanceException e = Assert.Throws<ConformanceException>(() => Curvature.Parse(bytes, "c"))!;
        Assert.That((e.RuleId, e.Outcome, e.Location), Is.EqualTo((FreeSurferRules.CurvatureValuesPerVertex, Outcome.Unsupported, "c@11")));
    }
}
