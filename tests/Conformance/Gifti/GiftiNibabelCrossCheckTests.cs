using System.Globalization;
using System.Text.Json;
using Conformance.Reference.Gifti;
using Conformance.Tests.Support;

namespace Conformance.Tests.Gifti;

/// <summary>
/// nibabel (Debian's python3-nibabel) as the oracle: it reads every file our writer makes as we
/// meant it, and our reader reads every file it writes as it means it.
/// </summary>
/// <remarks>
/// Known differences in nibabel 5.0, allowed for here and nowhere else: it keeps one transform
/// per array (the last) and puts an identity transform on every array it writes or reads; its
/// ASCII reader returns the shape np.loadtxt sees (lines × values per line), ignoring Dims and
/// ArrayIndexingOrder, and its ASCII writer writes C order whatever ArrayIndexingOrder says, so
/// write.py makes no column-major ASCII files; its default memory-mapped ExternalFileBinary read
/// shapes the array in C order even for ColumnMajorOrder.
/// </remarks>
public sealed class GiftiNibabelCrossCheckTests
{
    private static IEnumerable<TestCaseData> Matrix() =>
        from encoding in Enum.GetValues<GiftiEncoding>()
        from endian in Enum.GetValues<GiftiEndian>()
        from order in Enum.GetValues<ArrayIndexingOrder>()
        select new TestCaseData(encoding, endian, order).SetName($"gifti / nibabel reads ours / {encoding} {endian} {order}");

    [TestCaseSource(nameof(Matrix))]
    public void Nibabel_reads_what_we_write(GiftiEncoding encoding, GiftiEndian endian, ArrayIndexingOrder order)
    {
        NibabelPeer.Require();
        using var directory = new TempDirectory();
        var files = new List<(string Path, GiftiImage Image)>();
        foreach (GiftiDataType type in GiftiSamples.SpecTypes)
        {
            string folder = Path.Combine(directory.Path, type.ToString());
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, "ours.gii");
            GiftiImage image = GiftiSamples.Image(type, encoding, endian, order);
            GiftiWriter.Write(image, path);
            files.Add((path, image));
        }
        JsonElement[] dumps = NibabelPeer.Dump([.. files.Select(f => f.Path)]);
        for (int i = 0; i < files.Count; i++)
        {
            Compare(files[i].Image, dumps[i], ourTransformsOnly: true);
        }
    }

    [Test]
    public void We_read_what_nibabel_writes()
    {
        NibabelPeer.Require();
        using var directory = new TempDirectory();
        string[] files = NibabelPeer.WriteSamples(directory.Path);
        Assert.That(files, Has.Length.EqualTo(5), "ASCII row-major, and both orders of Base64Binary and GZipBase64Binary");
        JsonElement[] dumps = NibabelPeer.Dump(files);
        for (int i = 0; i < files.Length; i++)
        {
            GiftiImage image = GiftiReader.Read(files[i]);
            Assert.That(image.DataArrays.All(a => !a.GzipWrapped), files[i]);
            Compare(image, dumps[i], ourTransformsOnly: false);
        }
    }

    private static void Compare(GiftiImage image, JsonElement dump, bool ourTransformsOnly)
    {
        string file = dump.GetProperty("path").GetString()!;
        Assert.That(dump.GetProperty("version").GetString(), Is.EqualTo(image.Version), file);
        Assert.That(dump.GetProperty("numDA").GetInt32(), Is.EqualTo(image.DataArrays.Count), file);
        Assert.That(Pairs(dump.GetProperty("meta")), Is.EqualTo(image.MetaData.Entries.Select(e => (e.Key, e.Value))), file);
        JsonElement[] labels = [.. dump.GetProperty("labels").EnumerateArray()];
        Assert.That(labels, Has.Length.EqualTo(image.LabelTable.Labels.Count), file);
        for (int i = 0; i < labels.Length; i++)
        {
            GiftiLabel label = image.LabelTable.Labels[i];
            Assert.That((labels[i].GetProperty("key").GetInt32(), labels[i].GetProperty("name").GetString()), Is.EqualTo((label.Key, label.Name)), file);
            float?[] rgba = [.. labels[i].GetProperty("rgba").EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? (float?)null : (float)c.GetDouble())];
            Assert.That(rgba, Is.EqualTo(new[] { label.Red, label.Green, label.Blue, label.Alpha }), file);
        }
        JsonElement[] arrays = [.. dump.GetProperty("darrays").EnumerateArray()];
        for (int i = 0; i < arrays.Length; i++)
        {
            GiftiDataArray array = image.DataArrays[i];
            JsonElement theirs = arrays[i];
            string which = $"{file} DataArray {i}";
            Assert.That(theirs.GetProperty("intent").GetString(), Is.EqualTo(GiftiNames.Of(array.Intent)), which);
            Assert.That(theirs.GetProperty("datatype").GetString(), Is.EqualTo(GiftiNames.Of(array.DataType)), which);
            Assert.That(theirs.GetProperty("order").GetString(), Is.EqualTo(GiftiNames.Of(array.ArrayIndexingOrder)), which);
            Assert.That(theirs.GetProperty("encoding").GetString(), Is.EqualTo(GiftiNames.Of(array.Encoding)), which);
            Assert.That(theirs.GetProperty("endian").GetString(), Is.EqualTo(GiftiNames.Of(array.Endian)), which);
            Assert.That(theirs.GetProperty("dims").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(array.Dims), which);
            if (array.Encoding != GiftiEncoding.Ascii)
            {
                Assert.That(theirs.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(array.Dims), which);
            }
            Assert.That(Pairs(theirs.GetProperty("meta")), Is.EqualTo(array.MetaData.Entries.Select(e => (e.Key, e.Value))), which);
            if (array.Encoding == GiftiEncoding.ExternalFileBinary)
            {
                Assert.That((theirs.GetProperty("ext_fname").GetString(), theirs.GetProperty("ext_offset").GetInt64()), Is.EqualTo((array.ExternalFileName, array.ExternalFileOffset)), which);
            }
            bool externalColumnMajor = array.Encoding == GiftiEncoding.ExternalFileBinary && array.ArrayIndexingOrder == ArrayIndexingOrder.ColumnMajor;
            Assert.That(theirs.GetProperty(externalColumnMajor ? "data_c" : "data").GetString(), Is.EqualTo(Convert.ToHexStringLower(array.Data)), which);
            if (array.CoordinateSystemTransforms.Count > 0 || !ourTransformsOnly)
            {
                CoordinateSystemTransform transform = array.CoordinateSystemTransforms[^1];
                JsonElement coordsys = theirs.GetProperty("coordsys");
                Assert.That((coordsys.GetProperty("dataspace").GetString(), coordsys.GetProperty("xformspace").GetString()), Is.EqualTo((transform.DataSpace, transform.TransformedSpace)), which);
                Assert.That(coordsys.GetProperty("matrix").EnumerateArray().Select(m => double.Parse(m.GetString()!, CultureInfo.InvariantCulture)), Is.EqualTo(transform.MatrixData), which);
            }
        }
    }

    private static IEnumerable<(string, string)> Pairs(JsonElement pairs) =>
        pairs.EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!));
}
