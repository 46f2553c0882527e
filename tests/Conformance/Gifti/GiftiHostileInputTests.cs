using System.IO.Compression;
using System.Text;
using Conformance.Reference;
using Conformance.Reference.Gifti;
using Conformance.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static Conformance.Tests.Gifti.GiftiDocuments;
using Outcome = Conformance.Reference.Outcome;

namespace Conformance.Tests.Gifti;

/// <summary>
/// Broken, hostile and absurd files end in one <see cref="ConformanceException"/> with the rule
/// that was broken and a location: never another exception, a hang, a network fetch, or an
/// allocation the input dictates.
/// </summary>
public sealed class GiftiHostileInputTests
{
    private const string BillionLaughs = Declaration + "<!DOCTYPE GIFTI [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n]>\n";

    private const string ExternalEntity = Declaration + "<!DOCTYPE GIFTI [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n";

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    private static string Zlib(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(bytes);
        }
        return Convert.ToBase64String(output.ToArray());
    }

    private static string Binary(string encoding, string dims = "Dimensionality=\"1\" Dim0=\"3\"", string type = "NIFTI_TYPE_FLOAT32") =>
        $"Intent=\"NIFTI_INTENT_NONE\" DataType=\"{type}\" ArrayIndexingOrder=\"RowMajorOrder\" {dims} Encoding=\"{encoding}\" Endian=\"LittleEndian\"";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string text, string rule, Outcome outcome = Outcome.Invalid) =>
            new TestCaseData(text, rule, outcome).SetName("gifti / hostile / " + name);

        yield return Case("billion laughs in an internal subset", Document(prolog: BillionLaughs, data: "&g;"), GiftiRules.NoInternalDtd, Outcome.Unsupported);
        yield return Case("external entity in an internal subset", Document(prolog: ExternalEntity, data: "&secret;"), GiftiRules.NoInternalDtd, Outcome.Unsupported);
        yield return Case("undeclared entity", Document(data: "&g;"), GiftiRules.WellFormedXml);
        yield return Case("truncated document", Document()[..^30], GiftiRules.WellFormedXml);
        yield return Case("not XML", "\0\u0001binary", GiftiRules.WellFormedXml);
        yield return Case("empty file", "", GiftiRules.WellFormedXml);
        yield return Case("wrong root", Declaration + "<NIFTI Version=\"1.0\"/>", GiftiRules.RootElement);
        yield return Case("version 2.0", Document(root: "Version=\"2.0\" NumberOfDataArrays=\"1\""), GiftiRules.Version, Outcome.Unsupported);
        yield return Case("no version", Document(root: "NumberOfDataArrays=\"1\""), GiftiRules.Version);
        yield return Case("NumberOfDataArrays too large", Document(root: "Version=\"1.0\" NumberOfDataArrays=\"2\""), GiftiRules.NumberOfDataArrays);
        yield return Case("NumberOfDataArrays too small", Document(root: "Version=\"1.0\" NumberOfDataArrays=\"0\""), GiftiRules.NumberOfDataArrays);
        yield return Case("NumberOfDataArrays not a number", Document(root: "Version=\"1.0\" NumberOfDataArrays=\"one\""), GiftiRules.NumberOfDataArrays);
        yield return Case("no Intent", Document(With("Intent", null)), GiftiRules.RequiredAttribute);
        yield return Case("unknown Intent", Document(With("Intent", "NIFTI_INTENT_SURFACE")), GiftiRules.Intent);
        yield return Case("unknown DataType", Document(With("DataType", "NIFTI_TYPE_COMPLEX64")), GiftiRules.DataType);
        yield return Case("unknown order", Document(With("ArrayIndexingOrder", "Diagonal")), GiftiRules.ArrayIndexingOrder);
        yield return Case("unknown encoding", Document(With("Encoding", "Base85")), GiftiRules.Encoding);
        yield return Case("unknown endian", Document(With("Endian", "Middle")), GiftiRules.Endian);
        yield return Case("no Dimensionality", Document(With("Dimensionality", null)), GiftiRules.RequiredAttribute);
        yield return Case("Dimensionality 7", Document(With("Dimensionality", "7")), GiftiRules.Dimensions);
        yield return Case("missing Dim1", Document(With("Dimensionality", "2")), GiftiRules.RequiredAttribute);
        yield return Case("zero Dim", Document(With("Dim0", "0")), GiftiRules.Dimensions);
        yield return Case("negative Dim", Document(With("Dim0", "-3")), GiftiRules.Dimensions);
        yield return Case("Dim beyond 2^31", Document(With("Dim0", "4294967296")), GiftiRules.Dimensions);
        yield return Case("huge Dim product", Document(Binary("Base64Binary", "Dimensionality=\"6\" Dim0=\"2147483647\" Dim1=\"2147483647\" Dim2=\"2147483647\" Dim3=\"2147483647\" Dim4=\"2147483647\" Dim5=\"2147483647\""), "AAAA"), GiftiRules.ArrayTooLarge, Outcome.Unsupported);
        yield return Case("ASCII too few values", Document(data: "1 2"), GiftiRules.ElementCount);
        yield return Case("ASCII too many values", Document(data: "1 2 3 4"), GiftiRules.ElementCount);
        yield return Case("ASCII not a number", Document(data: "1 two 3"), GiftiRules.AsciiData);
        yield return Case("ASCII uint8 out of range", Document(With("DataType", "NIFTI_TYPE_UINT8"), "1 256 3"), GiftiRules.AsciiData);
        yield return Case("ASCII int32 fraction", Document(With("DataType", "NIFTI_TYPE_INT32"), "1 2.5 3"), GiftiRules.AsciiData);
        yield return Case("truncated base64", Document(Binary("Base64Binary"), Base64(new byte[12])[..^3]), GiftiRules.Base64Data);
        yield return Case("base64 of too few bytes", Document(Binary("Base64Binary"), Base64(new byte[8])), GiftiRules.ElementCount);
        yield return Case("base64 of too many bytes", Document(Binary("Base64Binary"), Base64(new byte[16])), GiftiRules.ElementCount);
        yield return Case("bad zlib", Document(Binary("GZipBase64Binary"), Base64([0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00, 0x12])), GiftiRules.CompressedData);
        yield return Case("not compressed at all", Document(Binary("GZipBase64Binary"), Base64(new byte[12])), GiftiRules.CompressedData);
        yield return Case("zlib bomb", Document(Binary("GZipBase64Binary"), Zlib(new byte[50_000_000])), GiftiRules.ElementCount);
        yield return Case("zlib of too few bytes", Document(Binary("GZipBase64Binary"), Zlib(new byte[11])), GiftiRules.ElementCount);
        yield return Case("MD without Value", Document(head: "<MetaData><MD><Name>a</Name></MD></MetaData>"), GiftiRules.MetaDataEntry);
        yield return Case("MD with two Names", Document(head: "<MetaData><MD><Name>a</Name><Name>b</Name><Value/></MD></MetaData>"), GiftiRules.MetaDataEntry);
        yield return Case("Label without key", Document(head: "<LabelTable><Label>x</Label></LabelTable>"), GiftiRules.LabelKey);
        yield return Case("negative Label key", Document(head: "<LabelTable><Label Key=\"-1\">x</Label></LabelTable>"), GiftiRules.LabelKey);
        yield return Case("parameter entities in an internal subset", Document(prolog: Declaration + "<!DOCTYPE GIFTI [<!ENTITY % p \"<!ENTITY q 'x'>\"> %p;]>\n"), GiftiRules.NoInternalDtd, Outcome.Unsupported);
        yield return Case("Label colour above 1", Document(head: "<LabelTable><Label Key=\"1\" Red=\"2\">x</Label></LabelTable>"), GiftiRules.LabelColor);
        yield return Case("LabelTable before MetaData", Document(head: "<LabelTable/><MetaData/>"), GiftiRules.ElementContent);
        yield return Case("unknown element", Document(head: "<Surface/>"), GiftiRules.ElementContent);
        yield return Case("text between elements", Document(head: "stray"), GiftiRules.ElementContent);
        yield return Case("element inside Data", Document(data: "<b>1</b>"), GiftiRules.ElementContent);
        yield return Case("MatrixData of 15 numbers", Document(arrayHead: "<CoordinateSystemTransformMatrix><DataSpace>NIFTI_XFORM_UNKNOWN</DataSpace><TransformedSpace>NIFTI_XFORM_UNKNOWN</TransformedSpace><MatrixData>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0</MatrixData></CoordinateSystemTransformMatrix>"), GiftiRules.TransformContent);
        yield return Case("transform without DataSpace", Document(arrayHead: "<CoordinateSystemTransformMatrix><TransformedSpace>x</TransformedSpace><MatrixData>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</MatrixData></CoordinateSystemTransformMatrix>"), GiftiRules.TransformContent);
        yield return Case("MetaData after the transform", Document(arrayHead: "<CoordinateSystemTransformMatrix><DataSpace>a</DataSpace><TransformedSpace>b</TransformedSpace><MatrixData>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</MatrixData></CoordinateSystemTransformMatrix><MetaData/>"), GiftiRules.ElementContent);
        yield return Case("no DataArray", Declaration + "<GIFTI Version=\"1.0\" NumberOfDataArrays=\"0\"><MetaData/></GIFTI>", GiftiRules.ElementContent);
        yield return Case("no Data", Declaration + "<GIFTI Version=\"1.0\" NumberOfDataArrays=\"1\"><DataArray " + Attributes + "/></GIFTI>", GiftiRules.ElementContent);
        yield return Case("external without a name", Document(Binary("ExternalFileBinary"), ""), GiftiRules.ExternalFile);
        yield return Case("external with a negative offset", Document(Binary("ExternalFileBinary") + " ExternalFileName=\"data.bin\" ExternalFileOffset=\"-1\"", ""), GiftiRules.ExternalFile);
        yield return Case("external file missing", Document(Binary("ExternalFileBinary") + " ExternalFileName=\"missing.bin\" ExternalFileOffset=\"0\"", ""), GiftiRules.ExternalData);
        yield return Case("external data past the end", Document(Binary("ExternalFileBinary") + " ExternalFileName=\"data.bin\" ExternalFileOffset=\"8\"", ""), GiftiRules.ExternalData);
        yield return Case("external offset beyond the file", Document(Binary("ExternalFileBinary") + " ExternalFileName=\"data.bin\" ExternalFileOffset=\"9223372036854775807\"", ""), GiftiRules.ExternalData);
    }

    [TestCaseSource(nameof(Cases))]
    public void Bad_input_gives_the_rule_and_a_location(string text, string rule, Outcome outcome)
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(Path.Combine(directory.Path, "data.bin"), new byte[16]);
        string path = GiftiDocuments.Write(directory.Path, text);
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((rule, outcome)), e.ToString());
        Assert.That(e.Location, Does.StartWith(path), e.ToString());
    }

    [Test]
    public void The_location_names_the_line_and_the_element_path()
    {
        using var directory = new TempDirectory();
        string path = GiftiDocuments.Write(directory.Path, Declaration + "<GIFTI Version=\"1.0\" NumberOfDataArrays=\"2\">\n<DataArray " + Attributes + "><Data>1 2 3</Data></DataArray>\n<DataArray " + Attributes + ">\n<Data>1 2</Data></DataArray></GIFTI>");
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path))!;
        Assert.That(e.RuleId, Is.EqualTo(GiftiRules.ElementCount));
        Assert.That(e.Location, Does.StartWith(path + ":5:").And.EndWith("/GIFTI/DataArray[2]/Data[1]"));
    }

    [TestCase("Base64Binary")]
    [TestCase("GZipBase64Binary")]
    [TestCase("ASCII")]
    public void A_large_Dim_product_on_a_tiny_payload_allocates_nothing_like_it(string encoding)
    {
        using var directory = new TempDirectory();
        string data = encoding == "ASCII" ? "1 2 3" : encoding == "Base64Binary" ? Base64(new byte[12]) : Zlib(new byte[12]);
        string path = GiftiDocuments.Write(directory.Path, Document(Binary(encoding, "Dimensionality=\"2\" Dim0=\"20000\" Dim1=\"10000\""), data));
        long before = GC.GetAllocatedBytesForCurrentThread();
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path))!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(e.RuleId, Is.EqualTo(GiftiRules.ElementCount));
        Assert.That(allocated, Is.LessThan(16L << 20), "800 MB declared, a few bytes present");
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_before_reading()
    {
        using var directory = new TempDirectory();
        string path = GiftiDocuments.Write(directory.Path, Document());
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path, new GiftiReaderOptions { MaxFileBytes = 100 }))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((GiftiRules.FileTooLarge, Outcome.Unsupported)));
    }

    [Test]
    public void An_array_over_the_size_limit_is_refused_before_decoding()
    {
        using var directory = new TempDirectory();
        string path = GiftiDocuments.Write(directory.Path, Document());
        ConformanceException e = Assert.Throws<ConformanceException>(() => GiftiReader.Read(path, new GiftiReaderOptions { MaxArrayBytes = 11 }))!;
        Assert.That((e.RuleId, e.Outcome), Is.EqualTo((GiftiRules.ArrayTooLarge, Outcome.Unsupported)));
    }

    [Test]
    public void An_external_dtd_is_never_fetched()
    {
        using var directory = new TempDirectory();
        string dtd = Path.Combine(directory.Path, "evil.dtd");
        File.WriteAllText(dtd, "<!ENTITY e \"expanded\"> this is not a DTD at all <<<");
        string prolog = Declaration + $"<!DOCTYPE GIFTI SYSTEM \"{new Uri(dtd).AbsoluteUri}\">\n";
        string path = GiftiDocuments.Write(directory.Path, Document(prolog: prolog));
        Assert.That(GiftiReader.Read(path).DataArrays[0].AsSingles().ToArray(), Is.EqualTo(new[] { 1f, 2.5f, -3f }), "a broken DTD that was never read");

        string uses = GiftiDocuments.Write(directory.Path, Document(prolog: prolog, data: "&e;"), "uses.gii");
        Assert.That(Assert.Throws<ConformanceException>(() => GiftiReader.Read(uses))!.RuleId, Is.EqualTo(GiftiRules.WellFormedXml), "its entities stay undeclared");
    }

    [Test]
    public void Mangled_files_throw_only_the_typed_exception()
    {
        string valid = Document(Binary("GZipBase64Binary"), Zlib(new byte[12]), head: "<MetaData><MD><Name><![CDATA[n]]></Name><Value><![CDATA[v]]></Value></MD></MetaData><LabelTable><Label Key=\"1\" Red=\"0.5\">x</Label></LabelTable>");
        Gen<string> mangled =
            from cut in Gen.Choose(0, valid.Length)
            from at in Gen.Choose(0, valid.Length - 1)
            from c in Gen.Elements('<', '>', '"', '&', '0', '9', 'A', '=', ' ', '/', ']', '-', '\0')
            from kind in Gen.Choose(0, 2)
            select kind == 0 ? valid[..cut] : kind == 1 ? valid[..at] + c + valid[(at + 1)..] : valid.Insert(at, c.ToString());
        using var directory = new TempDirectory();
        Prop.ForAll(mangled.ToArbitrary(), text =>
        {
            string path = Path.Combine(directory.Path, "mangled.gii");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            try
            {
                GiftiReader.Read(path);
            }
            catch (ConformanceException)
            {
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
