using System.Globalization;
using System.IO.Compression;
using Conformance.Reference;
using Conformance.Reference.Gifti;
using Conformance.Tests.Support;
using static Conformance.Tests.Gifti.GiftiDocuments;

namespace Conformance.Tests.Gifti;

/// <summary>What the reader accepts that is valid, or common enough in the wild to read leniently and remember.</summary>
public sealed class GiftiReaderTests
{
    private static GiftiImage Read(string text)
    {
        using var directory = new TempDirectory();
        return GiftiReader.Read(GiftiDocuments.Write(directory.Path, text));
    }

    [Test]
    public void A_minimal_file_with_the_usual_doctype_reads_without_a_network()
    {
        GiftiImage image = Read(Document());
        Assert.That(image.NumberOfDataArrays, Is.EqualTo(1));
        GiftiDataArray array = image.DataArrays[0];
        Assert.That((array.Intent, array.DataType, array.Encoding, array.Dimensionality), Is.EqualTo((GiftiIntent.None, GiftiDataType.Float32, GiftiEncoding.Ascii, 1)));
        Assert.That(array.AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2.5f, -3f }));
    }

    [Test]
    public void Metadata_and_labels_keep_order_cdata_and_legacy_keys()
    {
        GiftiImage image = Read(Document(head: "<MetaData><MD><Name><![CDATA[b]]></Name><Value><![CDATA[<2> & ]]]]><![CDATA[>]]></Value></MD><MD><Name>a</Name><Value/></MD></MetaData>"
            + "<LabelTable><Label Index=\"3\" Red=\"1\" Green=\"0\" Blue=\"0.5\" Alpha=\"1\"><![CDATA[Left V1]]></Label><Label Key=\"4\">x</Label></LabelTable>"));
        Assert.That(image.MetaData.Entries.Select(e => (e.Key, e.Value)), Is.EqualTo(new[] { ("b", "<2> & ]]>"), ("a", "") }));
        GiftiLabel first = image.LabelTable.Labels[0];
        Assert.That((first.Key, first.KeyFromLegacyIndex, first.Name, first.Red, first.Green, first.Blue, first.Alpha), Is.EqualTo((3, true, "Left V1", 1f, 0f, 0.5f, 1f)));
        Assert.That((image.LabelTable.Labels[1].Key, image.LabelTable.Labels[1].KeyFromLegacyIndex, image.LabelTable.Labels[1].Red), Is.EqualTo((4, false, (float?)null)));
    }

    [Test]
    public void Base64_wrapped_over_lines_is_read()
    {
        byte[] bytes = [0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64];
        string wrapped = string.Join("\n   ", Convert.ToBase64String(bytes).Chunk(4).Select(c => new string(c)));
        GiftiImage image = Read(Document(With("Encoding", "Base64Binary"), wrapped));
        Assert.That(image.DataArrays[0].AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [TestCase("Base64Binary")]
    [TestCase("GZipBase64Binary")]
    public void Long_base64_in_several_text_and_cdata_pieces_is_read_whole(string encoding)
    {
        // Far more text than the reader takes at once, wrapped over lines and split into text,
        // CDATA and comment pieces at places that cut base64 quanta.
        float[] values = [.. Enumerable.Range(0, 100_000).Select(i => (i * 0.37f) - 1000f)];
        byte[] bytes = [.. values.SelectMany(BitConverter.GetBytes)];
        byte[] payload = bytes;
        if (encoding == "GZipBase64Binary")
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(bytes);
            }
            payload = output.ToArray();
        }
        string wrapped = string.Join("\n", Convert.ToBase64String(payload).Chunk(76).Select(c => new string(c)));
        int third = wrapped.Length / 3;
        string pieces = wrapped[..(third + 1)] + "<![CDATA[" + wrapped[(third + 1)..(2 * third)] + "]]><!-- a comment -->" + wrapped[(2 * third)..];
        string attributes = With("Dim0", values.Length.ToString(CultureInfo.InvariantCulture), With("Encoding", encoding));
        GiftiImage image = Read(Document(attributes, pieces));
        Assert.That(image.DataArrays[0].AsSingles().ToArray(), Is.EqualTo(values));
    }

    [Test]
    public void Long_ascii_in_several_text_and_cdata_pieces_is_read_whole()
    {
        float[] values = [.. Enumerable.Range(0, 100_000).Select(i => (i * 0.37f) - 1000f)];
        string lines = string.Join("\n", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        int third = lines.Length / 3;
        string pieces = lines[..third] + "<![CDATA[" + lines[third..(2 * third)] + "]]><!-- a comment -->" + lines[(2 * third)..];
        GiftiImage image = Read(Document(With("Dim0", values.Length.ToString(CultureInfo.InvariantCulture)), pieces));
        Assert.That(image.DataArrays[0].AsSingles().ToArray(), Is.EqualTo(values));
    }

    [Test]
    public void Base64_with_a_character_outside_ascii_is_refused()
    {
        using var directory = new TempDirectory();
        string path = GiftiDocuments.Write(directory.Path, Document(With("Encoding", "Base64Binary"), "AACAPwAAAEAAAEBA\u00e9"));
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path))!;
        Assert.That(e.RuleId, Is.EqualTo(GiftiRules.Base64Data));
    }

    [Test]
    public void A_gzip_member_instead_of_zlib_is_read_and_remembered()
    {
        byte[] bytes = [0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64];
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        GiftiDataArray array = Read(Document(With("Encoding", "GZipBase64Binary"), Convert.ToBase64String(output.ToArray()))).DataArrays[0];
        Assert.That(array.GzipWrapped, Is.True);
        Assert.That(array.AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [Test]
    public void Big_endian_binary_is_swapped_to_little_endian()
    {
        GiftiDataArray array = Read(Document(With("Endian", "BigEndian", With("Encoding", "Base64Binary", With("DataType", "NIFTI_TYPE_INT32"))), Convert.ToBase64String([0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE, 0x01, 0x02, 0x03, 0x04]))).DataArrays[0];
        Assert.That(array.AsInt32s().ToArray(), Is.EqualTo(new[] { 1, -2, 0x01020304 }));
    }

    [TestCase("NIFTI_TYPE_INT16", "-5 7 300", new[] { -5.0, 7, 300 })]
    [TestCase("NIFTI_TYPE_FLOAT64", "0.1 1e300 -2", new[] { 0.1, 1e300, -2 })]
    [TestCase("NIFTI_TYPE_INT8", "-128 0 127", new[] { -128.0, 0, 127 })]
    [TestCase("NIFTI_TYPE_UINT16", "0 65535 1", new[] { 0.0, 65535, 1 })]
    public void Other_nifti_types_are_read_leniently(string type, string text, double[] expected)
    {
        GiftiDataArray array = Read(Document(With("DataType", type), text)).DataArrays[0];
        Assert.That(GiftiNames.IsSpecDataType(array.DataType), Is.False);
        Assert.That(array.ToDoubles(), Is.EqualTo(expected));
    }

    [Test]
    public void Ascii_takes_the_c_spellings_of_non_finite_numbers()
    {
        float[] values = Read(Document(data: "nan -inf Infinity")).DataArrays[0].AsSingles().ToArray();
        Assert.That(float.IsNaN(values[0]) && float.IsNegativeInfinity(values[1]) && float.IsPositiveInfinity(values[2]));
    }

    [Test]
    public void Column_major_data_stays_in_file_order()
    {
        GiftiDataArray array = Read(Document(With("ArrayIndexingOrder", "ColumnMajorOrder", With("Dimensionality", "2", With("Dim0", "2") + " Dim1=\"3\"")), "1 2 3 4 5 6")).DataArrays[0];
        Assert.That((array.ArrayIndexingOrder, array.Dims), Is.EqualTo((ArrayIndexingOrder.ColumnMajor, new[] { 2, 3 })));
        Assert.That(array.AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void External_data_is_read_at_its_offset_beside_the_file()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(Path.Combine(directory.Path, "data.bin"), [9, 9, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 9]);
        string path = GiftiDocuments.Write(directory.Path, Document(With("ExternalFileOffset", "2", With("ExternalFileName", "data.bin", With("Encoding", "ExternalFileBinary"))), ""));
        GiftiDataArray array = GiftiReader.Read(path).DataArrays[0];
        Assert.That((array.ExternalFileName, array.ExternalFileOffset), Is.EqualTo(("data.bin", 2L)));
        Assert.That(array.AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [Test]
    public void Transforms_are_kept_on_any_array_and_in_number()
    {
        const string Transform = "<CoordinateSystemTransformMatrix><DataSpace><![CDATA[NIFTI_XFORM_TALAIRACH]]></DataSpace><TransformedSpace>NIFTI_XFORM_MNI_152</TransformedSpace><MatrixData>1 0 0 2\n0 1 0 3\n0 0 1 4\n0 0 0 1</MatrixData></CoordinateSystemTransformMatrix>";
        GiftiDataArray array = Read(Document(arrayHead: "<MetaData/>" + Transform + Transform)).DataArrays[0];
        Assert.That(array.CoordinateSystemTransforms, Has.Count.EqualTo(2));
        Assert.That((array.CoordinateSystemTransforms[0].DataSpace, array.CoordinateSystemTransforms[0].TransformedSpace), Is.EqualTo(("NIFTI_XFORM_TALAIRACH", "NIFTI_XFORM_MNI_152")));
        Assert.That(array.CoordinateSystemTransforms[0].MatrixData[3], Is.EqualTo(2.0));
    }

    [Test]
    public void A_stream_is_read_with_external_data_refused()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Document()));
        Assert.That(GiftiReader.Read(stream, "memory", null).DataArrays, Has.Count.EqualTo(1));
    }
}
