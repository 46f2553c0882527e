using System.Buffers.Binary;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Conformance.Reference.Gifti;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Gifti;

/// <summary>What the writer writes, the reader reads back byte for byte, and the file is one the spec allows.</summary>
public sealed partial class GiftiRoundTripTests
{
    private static IEnumerable<TestCaseData> Matrix() =>
        from encoding in Enum.GetValues<GiftiEncoding>()
        from endian in Enum.GetValues<GiftiEndian>()
        from order in Enum.GetValues<ArrayIndexingOrder>()
        from type in GiftiSamples.SpecTypes
        select new TestCaseData(encoding, endian, order, type).SetName($"gifti / round trip / {encoding} {endian} {order} {type}");

    [TestCaseSource(nameof(Matrix))]
    public void Every_encoding_endian_order_and_type_reads_back_identically(GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order, GiftiDataType type)
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "surface.gii");
        GiftiImage image = GiftiSamples.Image(type, encoding, endian, order);

        GiftiWriter.Write(image, path);

        GiftiAssert.Same(image, GiftiReader.Read(path));
        Assert.That(Directory.GetFiles(directory.Path).Select(Path.GetFileName), Is.EquivalentTo(encoding == GiftiEncoding.ExternalFileBinary ? new[] { "surface.gii", "data.bin" } : ["surface.gii"]), "no temporary files stay behind");
    }

    [TestCaseSource(nameof(Matrix))]
    public void Written_files_have_the_shape_the_spec_shows(GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order, GiftiDataType type)
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "surface.gii");
        GiftiWriter.Write(GiftiSamples.Image(type, encoding, endian, order), path);

        string text = File.ReadAllText(path);
        Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE GIFTI SYSTEM \"" + GiftiWriter.DtdSystemId + "\">"));
        XDocument document = XDocument.Parse(text);
        XElement root = document.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("GIFTI"));
        Assert.That(root.Attribute("Version")!.Value, Is.EqualTo("1.0"));
        Assert.That(root.Attribute("NumberOfDataArrays")!.Value, Is.EqualTo(root.Elements("DataArray").Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (XElement array in root.Elements("DataArray"))
        {
            Assert.That(array.Attribute("Encoding")!.Value, Is.AnyOf("ASCII", "Base64Binary", "GZipBase64Binary", "ExternalFileBinary"));
            Assert.That(array.Attribute("Endian")!.Value, Is.AnyOf("LittleEndian", "BigEndian"));
            Assert.That(array.Attribute("ArrayIndexingOrder")!.Value, Is.AnyOf("RowMajorOrder", "ColumnMajorOrder"));
            Assert.That(array.Attribute("DataType")!.Value, Is.AnyOf("NIFTI_TYPE_UINT8", "NIFTI_TYPE_INT32", "NIFTI_TYPE_FLOAT32"));
            bool pointSet = array.Attribute("Intent")!.Value == "NIFTI_INTENT_POINTSET";
            Assert.That(array.Elements("CoordinateSystemTransformMatrix").Any(), Is.EqualTo(pointSet), "transforms on point sets, and only there");
            string data = array.Element("Data")!.Value;
            if (encoding is GiftiEncoding.Base64Binary or GiftiEncoding.GZipBase64Binary)
            {
                Assert.That(Base64().IsMatch(data), data);
            }
            if (encoding == GiftiEncoding.GZipBase64Binary)
            {
                byte[] payload = Convert.FromBase64String(data);
                Assert.That(payload[0] & 0x0F, Is.EqualTo(8), "a zlib header (deflate), not gzip");
                Assert.That(((payload[0] << 8) | payload[1]) % 31, Is.Zero, "the zlib header check bits");
            }
        }
    }

    [Test]
    public void The_doctype_line_is_optional()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "plain.gii");
        GiftiImage image = GiftiSamples.Image(GiftiDataType.Float32, GiftiEncoding.Base64Binary, GiftiEndian.Little, ArrayIndexingOrder.RowMajor);
        GiftiWriter.Write(image, path, includeDoctype: false);
        Assert.That(File.ReadAllText(path), Does.Not.Contain("DOCTYPE"));
        GiftiAssert.Same(image, GiftiReader.Read(path));
    }

    [Test]
    public void Ascii_floats_read_back_bit_for_bit() =>
        Prop.ForAll(Gen.ArrayOf(ArbMap.Default.GeneratorFor<int>().Select(BitConverter.Int32BitsToSingle).Where(f => !float.IsNaN(f))).Where(a => a.Length > 0).ToArbitrary(), values =>
        {
            using var directory = new TempDirectory();
            string path = Path.Combine(directory.Path, "ascii.gii");
            var image = new GiftiImage();
            var array = new GiftiDataArray { DataType = GiftiDataType.Float32, Encoding = GiftiEncoding.Ascii, Dims = [values.Length], Data = new byte[values.Length * 4] };
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(array.Data.AsSpan(i * 4), values[i]);
            }
            image.DataArrays.Add(array);
            GiftiWriter.Write(image, path);
            return GiftiReader.Read(path).DataArrays[0].Data.AsSpan().SequenceEqual(array.Data);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Test]
    public void Ascii_non_finite_floats_and_transforms_round_trip()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "special.gii");
        var image = new GiftiImage();
        float[] values = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon];
        var array = new GiftiDataArray { Intent = GiftiIntent.PointSet, DataType = GiftiDataType.Float32, Encoding = GiftiEncoding.Ascii, Dims = [values.Length], Data = new byte[values.Length * 4] };
        values.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(array.Data.AsSpan()));
        array.CoordinateSystemTransforms.Add(new CoordinateSystemTransform { MatrixData = [0.1, 1.0 / 3, double.Epsilon, -0.0, 1e300, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
        image.DataArrays.Add(array);
        GiftiWriter.Write(image, path);
        GiftiDataArray back = GiftiReader.Read(path).DataArrays[0];
        Assert.That(back.AsSingles().ToArray(), Is.EqualTo(values));
        Assert.That(BitConverter.SingleToInt32Bits(back.AsSingles()[3]), Is.EqualTo(BitConverter.SingleToInt32Bits(-0f)));
        Assert.That(back.CoordinateSystemTransforms[0].MatrixData, Is.EqualTo(array.CoordinateSystemTransforms[0].MatrixData));
    }

    [Test]
    public void Typed_views_give_the_elements()
    {
        var array = new GiftiDataArray { DataType = GiftiDataType.Int32, Dims = [2], Data = [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF] };
        Assert.That(array.AsInt32s().ToArray(), Is.EqualTo(new[] { 1, -1 }));
        Assert.That(array.ToDoubles(), Is.EqualTo(new[] { 1.0, -1.0 }));
        Assert.Throws<InvalidOperationException>(() => array.AsSingles());
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        GiftiImage Make(Action<GiftiDataArray> change)
        {
            GiftiImage image = GiftiSamples.Image(GiftiDataType.Float32, GiftiEncoding.Base64Binary, GiftiEndian.Little, ArrayIndexingOrder.RowMajor);
            change(image.DataArrays[1]);
            return image;
        }
        yield return new TestCaseData(Make(a => a.DataType = GiftiDataType.Float64), GiftiRules.DataType).SetName("gifti / writer refuses / a NIfTI type GIFTI lacks");
        yield return new TestCaseData(Make(a => a.CoordinateSystemTransforms.Add(new CoordinateSystemTransform())), "GIFTI-XFORM-003").SetName("gifti / writer refuses / a transform on a non point set");
        yield return new TestCaseData(Make(a => a.Intent = GiftiIntent.PointSet), "GIFTI-XFORM-002").SetName("gifti / writer refuses / a point set without transform");
        yield return new TestCaseData(Make(a => a.Data = new byte[3]), GiftiRules.ElementCount).SetName("gifti / writer refuses / data not matching Dims");
        yield return new TestCaseData(Make(a => a.Dims = [1, 1, 1, 1, 1, 1, 1]), GiftiRules.Dimensions).SetName("gifti / writer refuses / seven dimensions");
        yield return new TestCaseData(Make(a => a.Encoding = GiftiEncoding.ExternalFileBinary), GiftiRules.ExternalFile).SetName("gifti / writer refuses / external data without a file name");
    }

    [TestCaseSource(nameof(Refusals))]
    public void The_writer_refuses_a_model_the_spec_does_not_allow_and_leaves_the_old_file(GiftiImage image, string rule)
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "kept.gii");
        File.WriteAllText(path, "previous");
        ArgumentException e = Assert.Throws<ArgumentException>(() => GiftiWriter.Write(image, path))!;
        Assert.That(e.Message, Does.StartWith(rule + ":"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("previous"));
        Assert.That(Directory.GetFiles(directory.Path), Has.Length.EqualTo(1));
    }

    [GeneratedRegex("^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();
}
