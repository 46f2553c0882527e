using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>Writers replace a file in one step and leave nothing behind, nor a half-written file on failure.</summary>
public sealed class AtomicWriteTests
{
    [Test]
    public void Writing_over_a_file_replaces_it_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.curv");
        new Curvature([1, 2, 3]).Write(path);
        new Curvature([4]).Write(path);
        Assert.That(Directory.GetFiles(directory.Path), Is.EqualTo(new[] { path }));
        Assert.That(Curvature.Read(path).Values, Is.EqualTo(new[] { 4f }));
    }

    [Test]
    public void A_write_that_fails_keeps_the_old_file()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.white");
        FsBytes.Tetrahedron().Write(path);
        byte[] before = File.ReadAllBytes(path);
        Assert.Throws<InvalidOperationException>(() => new FreeSurferSurface([0, 0, 0], [0, 0, 5]).Write(path));
        Assert.Throws<InvalidOperationException>(() => new Label([]) { Header = "a\nb" }.Write(path));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(directory.Path), Has.Length.EqualTo(1));
    }
}
