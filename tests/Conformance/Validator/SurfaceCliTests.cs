using System.Buffers.Binary;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Tests.Support;
using Conformance.Validator;

namespace Conformance.Tests.Validator;

/// <summary>
/// <c>info</c> and <c>cat</c> on surface files, through the format-neutral model: the format is
/// found from the file (GIFTI's XML, FreeSurfer's magic numbers and names), and GIFTI arrays read
/// in C order whatever the file's ArrayIndexingOrder.
/// </summary>
public sealed class SurfaceCliTests
{
    private static GiftiDataArray Array(GiftiIntent intent, GiftiDataType type, int[] dims, byte[] data, ArrayIndexingOrder order = ArrayIndexingOrder.RowMajor) => new()
    {
        Intent = intent,
        DataType = type,
        Dims = dims,
        Data = data,
        Encoding = GiftiEncoding.GZipBase64Binary,
        ArrayIndexingOrder = order,
    };

    private static byte[] Floats(params float[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }
        return bytes;
    }

    private static byte[] Ints(params int[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), values[i]);
        }
        return bytes;
    }

    [Test]
    public async Task A_GIFTI_surface_lists_its_data_arrays_and_cats_them_in_C_order()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "lh.white.surf.gii");
        var image = new GiftiImage();
        image.MetaData.Add("AnatomicalStructurePrimary", "CortexLeft");
        GiftiDataArray points = Array(GiftiIntent.PointSet, GiftiDataType.Float32, [3, 3], Floats(0, 0, 0, 1, 0, 0, 0, 1, 0));
        points.CoordinateSystemTransforms.Add(new CoordinateSystemTransform { DataSpace = "NIFTI_XFORM_UNKNOWN", TransformedSpace = "NIFTI_XFORM_TALAIRACH" });
        image.DataArrays.Add(points);
        image.DataArrays.Add(Array(GiftiIntent.Triangle, GiftiDataType.Int32, [1, 3], Ints(0, 1, 2)));
        // Column-major [2, 3]: the file holds column after column, 1 4 2 5 3 6 for rows 1 2 3 / 4 5 6.
        image.DataArrays.Add(Array(GiftiIntent.Shape, GiftiDataType.Int32, [2, 3], Ints(1, 4, 2, 5, 3, 6), ArrayIndexingOrder.ColumnMajor));
        GiftiWriter.Write(image, path);

        (int code, string output, string error) = await CliRun.RunAsync("info", path);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Contain("── 0  array float32 shape [3, 3]").And.Contain("── 1  array int32 shape [1, 3]").And.Contain("codecs GZipBase64Binary"));
        (code, output, _) = await CliRun.RunAsync("cat", path, "--array", "/2");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Is.EqualTo("1\n2\n3\n4\n5\n6\n"));
    }

    [Test]
    public async Task FreeSurfer_files_are_recognised_by_magic_number_and_name()
    {
        using var folder = new TempDirectory();
        string surface = Path.Combine(folder.Path, "lh.white");
        string thickness = Path.Combine(folder.Path, "lh.thickness");
        string label = Path.Combine(folder.Path, "lh.cortex.label");
        new FreeSurferSurface([0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 1, 2]).Write(surface);
        new Curvature([1.5f, -0.25f, 2f]) { FaceCount = 1 }.Write(thickness);
        new Label([new LabelPoint(2, 0, 1, 0, 0.5f)]).Write(label);

        Assert.That(FreeSurferFile.Detect(surface), Is.EqualTo(FreeSurferFileKind.Surface));
        Assert.That(FreeSurferFile.Detect(thickness), Is.EqualTo(FreeSurferFileKind.Curvature));
        Assert.That(FreeSurferFile.Detect(label), Is.EqualTo(FreeSurferFileKind.Label));

        (int code, string output, string error) = await CliRun.RunAsync("info", surface);
        Assert.That((code, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(output, Does.Contain("── coordinates  array float32 shape [3, 3]").And.Contain("── triangles  array int32 shape [1, 3]"));
        (code, output, _) = await CliRun.RunAsync("cat", thickness);
        Assert.That((code, output), Is.EqualTo((ExitCodes.Success, "1.5\n-0.25\n2\n")));
        (code, output, _) = await CliRun.RunAsync("cat", label, "--array", "/vertices");
        Assert.That((code, output), Is.EqualTo((ExitCodes.Success, "2\n")));
    }

    [Test]
    public async Task A_broken_surface_file_is_refused_with_its_rule()
    {
        using var folder = new TempDirectory();
        string surface = Path.Combine(folder.Path, "rh.pial");
        File.WriteAllBytes(surface, [0xFF, 0xFF, 0xFE, (byte)'x', (byte)'\n', (byte)'\n', 0, 0, 0, 9]);
        (int code, _, string error) = await CliRun.RunAsync("info", surface);
        Assert.That(code, Is.EqualTo(ExitCodes.InputRejected));
        Assert.That(error, Does.StartWith("error FS-SURF-"));
    }
}
