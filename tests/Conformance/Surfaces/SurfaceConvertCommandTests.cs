using System.Text.Json;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Tests.FreeSurfer;
using Conformance.Tests.Gifti;
using Conformance.Tests.Support;
using Conformance.Tests.Validator;
using Conformance.Validator;

namespace Conformance.Tests.Surfaces;

/// <summary><c>conformance convert</c> with surface files: formats from names, <c>--to</c>, and nothing half-written.</summary>
public sealed class SurfaceConvertCommandTests
{
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(args);

    [TestCase("lh.white")]
    [TestCase("rh.pial")]
    public async Task A_freesurfer_surface_goes_to_zarr_and_back_by_name(string name)
    {
        using var directory = new TempDirectory();
        byte[] bytes = FsBytes.Tetrahedron(FsBytes.SampleGeometry).ToBytes();
        string original = Path.Combine(directory.Path, name);
        File.WriteAllBytes(original, bytes);
        string zarr = Path.Combine(directory.Path, "surface.zarr");
        string back = Path.Combine(directory.Path, "back", name);
        Directory.CreateDirectory(Path.GetDirectoryName(back)!);

        Assert.That((await Run("convert", original, zarr)).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.Exists(Path.Combine(zarr, "coordinates", name[3..], "zarr.json")));
        (int code, _, string error) = await Run("convert", zarr, back);

        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(File.ReadAllBytes(back), Is.EqualTo(bytes));
    }

    [TestCase("lh.thickness")]
    [TestCase("lh.curv")]
    [TestCase("lh.sulc")]
    public async Task Curvature_files_go_to_zarr_and_back(string name)
    {
        using var directory = new TempDirectory();
        byte[] bytes = new Curvature([0.5f, -1f, 2f]).ToBytes();
        string original = Path.Combine(directory.Path, name);
        File.WriteAllBytes(original, bytes);
        string zarr = Path.Combine(directory.Path, name + ".zarr");
        Assert.That((await Run("convert", original, zarr)).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.Exists(Path.Combine(zarr, "data", name[3..], "zarr.json")));
        string back = Path.Combine(directory.Path, "rh." + name[3..]);
        Assert.That((await Run("convert", zarr, back)).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.ReadAllBytes(back), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Annotations_and_labels_go_to_zarr_and_back()
    {
        using var directory = new TempDirectory();
        var table = new ColorTable([new ColorTableEntry(0, "unknown", 25, 5, 25, 0), new ColorTableEntry(1, "bankssts", 25, 100, 40, 0)]) { FileName = "lut" };
        byte[] annot = new Annotation([0, 1, 2], [table.Entries[0].Annotation, table.Entries[1].Annotation, table.Entries[0].Annotation], table).ToBytes();
        byte[] label = new Label([new LabelPoint(3, 1f, 2f, 3f, 0f)]).ToBytes();
        foreach ((string name, byte[] bytes) in new[] { ("lh.aparc.annot", annot), ("lh.cortex.label", label) })
        {
            string original = Path.Combine(directory.Path, name);
            File.WriteAllBytes(original, bytes);
            string zarr = Path.Combine(directory.Path, name + ".zarr");
            Assert.That((await Run("convert", original, zarr)).Code, Is.EqualTo(ExitCodes.Success), name);
            string back = Path.Combine(directory.Path, "rh" + name[2..]);
            Assert.That((await Run("convert", zarr, back)).Code, Is.EqualTo(ExitCodes.Success), name);
            Assert.That(File.ReadAllBytes(back), Is.EqualTo(bytes), name);
        }
    }

    [Test]
    public async Task Gifti_goes_to_zarr_and_back_to_the_same_file()
    {
        using var directory = new TempDirectory();
        string original = Path.Combine(directory.Path, "lh.white.surf.gii");
        GiftiWriter.Write(GiftiSamples.Image(GiftiDataType.Int32, GiftiEncoding.GZipBase64Binary, GiftiEndian.Big, ArrayIndexingOrder.ColumnMajor), original);
        string zarr = Path.Combine(directory.Path, "white.zarr");
        string back = Path.Combine(directory.Path, "back.gii");

        Assert.That((await Run("convert", original, zarr)).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That((await Run("convert", zarr, back)).Code, Is.EqualTo(ExitCodes.Success));

        Assert.That(File.ReadAllBytes(back), Is.EqualTo(File.ReadAllBytes(original)));
    }

    [Test]
    public async Task Gifti_goes_to_freesurfer_by_name_and_a_zip_store_works_too()
    {
        using var directory = new TempDirectory();
        string white = Path.Combine(directory.Path, "lh.white");
        File.WriteAllBytes(white, FsBytes.Tetrahedron().ToBytes());
        string gii = Path.Combine(directory.Path, "lh.white.surf.gii");
        Assert.That((await Run("convert", white, gii)).Code, Is.EqualTo(ExitCodes.Success));
        string zip = Path.Combine(directory.Path, "white.zarr.zip");
        Assert.That((await Run("convert", gii, zip)).Code, Is.EqualTo(ExitCodes.Success));
        string back = Path.Combine(directory.Path, "rh.white");
        Assert.That((await Run("convert", zip, back)).Code, Is.EqualTo(ExitCodes.Success));
        FreeSurferSurface surface = FreeSurferSurface.Read(back);
        Assert.That(surface.Faces, Is.EqualTo(FsBytes.Tetrahedron().Faces));
        Assert.That(FsBytes.SameBits(surface.Coordinates, FsBytes.Tetrahedron().Coordinates));
    }

    [Test]
    public async Task An_ambiguous_destination_needs_to()
    {
        using var directory = new TempDirectory();
        string white = Path.Combine(directory.Path, "lh.white");
        File.WriteAllBytes(white, FsBytes.Tetrahedron().ToBytes());
        string target = Path.Combine(directory.Path, "out");

        (int code, _, string error) = await Run("convert", white, target);
        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("--to"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.EqualTo(new[] { white }), "nothing written");

        Assert.That((await Run("convert", white, target, "--to", "zarr")).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.Exists(Path.Combine(target, "zarr.json")));
        string gifti = Path.Combine(directory.Path, "out2");
        Assert.That((await Run("convert", target, gifti, "--to", "gifti")).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(GiftiReader.Read(gifti).DataArrays, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_group_outside_the_profile_cannot_become_a_file_and_nothing_is_left()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "lh.white");
        (int code, _, _) = await Run("convert", CliRun.Fixture("hierarchy/nested-groups"), target);
        Assert.That(code, Is.Not.EqualTo(ExitCodes.Success));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Is.Empty);
    }

    [Test]
    public async Task Zarr_to_zarr_stays_the_generic_convert()
    {
        using var directory = new TempDirectory();
        string target = Path.Combine(directory.Path, "out.zarr");
        (int code, string output, _) = await Run("convert", CliRun.Fixture("hierarchy/nested-groups"), target, "--to", "zarr");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.StartWith("converted 3 arrays and 3 groups"));
    }

    [Test]
    public async Task Nibabel_reads_the_gifti_written_back_from_zarr()
    {
        Nibabel.Require();
        using var directory = new TempDirectory();
        string white = Path.Combine(directory.Path, "lh.white");
        FreeSurferSurface surface = FsBytes.Tetrahedron();
        File.WriteAllBytes(white, surface.ToBytes());
        string zarr = Path.Combine(directory.Path, "white.zarr");
        string gii = Path.Combine(directory.Path, "white.surf.gii");
        Assert.That((await Run("convert", white, zarr)).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That((await Run("convert", zarr, gii)).Code, Is.EqualTo(ExitCodes.Success));

        using JsonDocument dump = JsonDocument.Parse(Nibabel.Run(Path.Combine(Nibabel.Scripts("gifti"), "dump.py"), gii));
        JsonElement arrays = dump.RootElement[0].GetProperty("darrays");
        GiftiImage ours = GiftiReader.Read(gii);
        Assert.That(arrays.GetArrayLength(), Is.EqualTo(2));
        for (int i = 0; i < 2; i++)
        {
            Assert.That(arrays[i].GetProperty("data").GetString(), Is.EqualTo(Convert.ToHexStringLower(ours.DataArrays[i].Data)), $"array {i}");
        }
        Assert.That(arrays[0].GetProperty("intent").GetString(), Is.EqualTo("NIFTI_INTENT_POINTSET"));
        Assert.That(arrays[1].GetProperty("intent").GetString(), Is.EqualTo("NIFTI_INTENT_TRIANGLE"));
        Assert.That(arrays[1].GetProperty("data").GetString(), Is.EqualTo(Convert.ToHexStringLower(surface.Faces.SelectMany(BitConverter.GetBytes).ToArray())));
    }
}
