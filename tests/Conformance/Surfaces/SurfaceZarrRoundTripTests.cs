using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Reference.Surfaces;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.FreeSurfer;
using Conformance.Tests.Gifti;
using Conformance.Tests.Support;

namespace Conformance.Tests.Surfaces;

/// <summary>
/// GIFTI and FreeSurfer to the surface profile and back: data arrays byte for byte, and where
/// our writer wrote the original, the same file byte for byte.
/// </summary>
public sealed class SurfaceZarrRoundTripTests
{
    private static IEnumerable<TestCaseData> Matrix() =>
        from encoding in Enum.GetValues<GiftiEncoding>()
        from endian in Enum.GetValues<GiftiEndian>()
        from order in Enum.GetValues<ArrayIndexingOrder>()
        from type in GiftiSamples.SpecTypes
        select new TestCaseData(encoding, endian, order, type).SetName($"surface-zarr / gifti / {encoding} {endian} {order} {type}");

    private static async Task<SurfaceContent> ThroughZarr(SurfaceContent content, string directory)
    {
        string store = Path.Combine(directory, "surface.zarr");
        await SurfaceZarr.WriteAsync(content, new DirectoryStore(store));
        return await SurfaceZarr.ReadAsync(new DirectoryStore(store, readOnly: true));
    }

    [TestCaseSource(nameof(Matrix))]
    public async Task Gifti_to_zarr_and_back_gives_the_same_arrays_and_the_same_file(GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order, GiftiDataType type)
    {
        using var directory = new TempDirectory();
        string original = Path.Combine(directory.Path, "lh.white.surf.gii");
        GiftiImage image = GiftiSamples.Image(type, encoding, endian, order);
        GiftiWriter.Write(image, original);
        GiftiImage read = GiftiReader.Read(original);

        SurfaceContent content = await ThroughZarr(GiftiSurfaces.Read(original), directory.Path);
        GiftiImage back = GiftiSurfaces.ToGifti(content);

        GiftiAssert.Same(read, back);
        for (int i = 0; i < read.DataArrays.Count; i++)
        {
            Assert.That(back.DataArrays[i].Data, Is.EqualTo(read.DataArrays[i].Data), $"DataArray {i} elements");
        }
        string copyDirectory = Path.Combine(directory.Path, "copy");
        Directory.CreateDirectory(copyDirectory);
        string copy = Path.Combine(copyDirectory, "lh.white.surf.gii");
        GiftiWriter.Write(back, copy);
        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(original)), "the same file again");
        if (encoding == GiftiEncoding.ExternalFileBinary)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(copyDirectory, "data.bin")), Is.EqualTo(File.ReadAllBytes(Path.Combine(directory.Path, "data.bin"))), "the same external file");
        }
    }

    [Test]
    public async Task Gifti_roles_follow_the_profile()
    {
        using var directory = new TempDirectory();
        string original = Path.Combine(directory.Path, "lh.white.surf.gii");
        GiftiWriter.Write(GiftiSamples.Image(GiftiDataType.Int32, GiftiEncoding.Base64Binary, GiftiEndian.Little, ArrayIndexingOrder.ColumnMajor), original);
        SurfaceContent content = await ThroughZarr(GiftiSurfaces.Read(original), directory.Path);
        Assert.That(content.Arrays.Select(a => a.Path), Is.EqualTo(new[] { "triangles", "coordinates/white", "data/array2", "data/array3" }));
        Assert.That((string?)content.Surface["structure"], Is.EqualTo("CortexLeft"));
        Assert.That(content.Find("data/array3")!.Attributes["surface"]!["labels"]!["7"]!["name"]!.GetValue<string>(), Is.EqualTo("V1 & <co>"));
        Assert.That(content.Find("data/array2")!.Shape, Is.EqualTo(new[] { 2, 3, 4 }), "column-major arrays keep their Dims, elements in C order");
    }

    private static IEnumerable<TestCaseData> FreeSurferFiles()
    {
        yield return new TestCaseData("lh.white", FsBytes.Tetrahedron(FsBytes.SampleGeometry, 1, SurfaceTag.ForCommandLine("mris_make_surfaces -whiteonly"), new SurfaceTag(33, [1, 2, 3])).ToBytes()).SetName("surface-zarr / freesurfer / surface with footer");
        yield return new TestCaseData("rh.pial", FsBytes.Tetrahedron().ToBytes()).SetName("surface-zarr / freesurfer / bare surface");
        yield return new TestCaseData("lh.thickness", new Curvature([1.5f, float.NaN, -0f, 2.25f]) { FaceCount = 4 }.ToBytes()).SetName("surface-zarr / freesurfer / curvature");
        var table = new ColorTable([new ColorTableEntry(0, "unknown", 25, 5, 25, 0), new ColorTableEntry(3, "bankssts", 25, 100, 40, 0)]) { MaxEntries = 36, FileName = "/opt/freesurfer/FreeSurferColorLUT.txt" };
        yield return new TestCaseData("lh.aparc.annot", new Annotation([0, 1, 2, 3], [table.Entries[0].Annotation, table.Entries[1].Annotation, table.Entries[1].Annotation, 0], table).ToBytes()).SetName("surface-zarr / freesurfer / annotation");
        var old = new ColorTable([new ColorTableEntry(0, "a", 1, 2, 3, 4), new ColorTableEntry(1, "b", 5, 6, 7, 8)]) { Layout = ColorTableLayout.Old, FileName = "ct" };
        yield return new TestCaseData("rh.aparc.a2009s.annot", new Annotation([5, 2, 9], [old.Entries[0].Annotation, old.Entries[1].Annotation, 77], old).ToBytes()).SetName("surface-zarr / freesurfer / annotation with listed vertices and old table");
        yield return new TestCaseData("lh.plain.annot", new Annotation([0, 1], [3, 4], null).ToBytes()).SetName("surface-zarr / freesurfer / annotation without table");
        yield return new TestCaseData("lh.cortex.label", new Label([new LabelPoint(12, -1.5f, 2f, 3.25f, 0f), new LabelPoint(40, 7f, 8f, 9f, 0.5f)]) { Header = "#!ascii label  , from subject bert vox2ras=TkReg" }.ToBytes()).SetName("surface-zarr / freesurfer / label");
    }

    [TestCaseSource(nameof(FreeSurferFiles))]
    public async Task FreeSurfer_to_zarr_and_back_gives_the_same_file(string name, byte[] bytes)
    {
        using var directory = new TempDirectory();
        string original = Path.Combine(directory.Path, name);
        File.WriteAllBytes(original, bytes);

        SurfaceContent content = await ThroughZarr(FreeSurferSurfaces.Read(original), directory.Path);
        string copy = Path.Combine(directory.Path, "copy." + name);
        FreeSurferSurfaces.Write(content, copy);

        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(bytes));
    }

    [Test]
    public async Task FreeSurfer_names_give_the_array_names()
    {
        using var directory = new TempDirectory();
        string white = Path.Combine(directory.Path, "lh.white");
        File.WriteAllBytes(white, FsBytes.Tetrahedron().ToBytes());
        string thickness = Path.Combine(directory.Path, "rh.thickness");
        File.WriteAllBytes(thickness, new Curvature([1f, 2f, 3f, 4f]).ToBytes());

        SurfaceContent surface = await ThroughZarr(FreeSurferSurfaces.Read(white), directory.Path);
        Assert.That(surface.Arrays.Select(a => a.Path), Is.EqualTo(new[] { "triangles", "coordinates/white" }));
        Assert.That((string?)surface.Surface["structure"], Is.EqualTo("CortexLeft"));
        SurfaceContent curvature = FreeSurferSurfaces.Read(thickness);
        Assert.That(curvature.Arrays.Select(a => a.Path), Is.EqualTo(new[] { "data/thickness" }));
        Assert.That((string?)curvature.Surface["structure"], Is.EqualTo("CortexRight"));
    }

    [Test]
    public async Task A_freesurfer_surface_becomes_gifti_and_back_with_the_same_arrays()
    {
        using var directory = new TempDirectory();
        string white = Path.Combine(directory.Path, "lh.white");
        FreeSurferSurface surface = FsBytes.Tetrahedron();
        File.WriteAllBytes(white, surface.ToBytes());
        SurfaceContent content = await ThroughZarr(FreeSurferSurfaces.Read(white), directory.Path);

        string gifti = Path.Combine(directory.Path, "lh.white.surf.gii");
        GiftiWriter.Write(GiftiSurfaces.ToGifti(content), gifti);
        FreeSurferSurface back = FreeSurferSurfaces.ToSurface(GiftiSurfaces.Read(gifti));

        Assert.That(FsBytes.SameBits(back.Coordinates, surface.Coordinates));
        Assert.That(back.Faces, Is.EqualTo(surface.Faces));
    }
}
