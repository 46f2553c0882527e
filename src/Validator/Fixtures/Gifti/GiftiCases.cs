using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Conformance.Reference.Gifti;
using Conformance.Validator.Validation.Gifti;

namespace Conformance.Validator.Fixtures.Gifti;

/// <summary>The GIFTI fixture cases: sound files, then one targeted change per broken rule.</summary>
internal static class GiftiCases
{
    private const string Corpus = "gifti";
    private const string Spec = "https://www.nitrc.org/frs/download.php/2871/GIFTI_Surface_Format.pdf";
    private const string SurfaceFile = "surface.gii";

    public static IEnumerable<FixtureCase> Valid()
    {
        yield return Sound("surface", "ascii", "a tetrahedron surface (point set with a transform, triangles) in ASCII", GiftiBases.Surface(GiftiEncoding.Ascii));
        yield return Sound("surface", "base64-little-endian", "the surface in Base64Binary, little-endian", GiftiBases.Surface(GiftiEncoding.Base64Binary));
        yield return Sound("surface", "base64-big-endian", "the surface in Base64Binary, big-endian", GiftiBases.Surface(GiftiEncoding.Base64Binary, GiftiEndian.Big));
        yield return Sound("surface", "gzip-base64-little-endian", "the surface in GZipBase64Binary (zlib), little-endian", GiftiBases.Surface(GiftiEncoding.GZipBase64Binary));
        yield return Sound("surface", "gzip-base64-big-endian", "the surface in GZipBase64Binary (zlib), big-endian", GiftiBases.Surface(GiftiEncoding.GZipBase64Binary, GiftiEndian.Big));
        yield return Sound("surface", "column-major", "the surface in column-major order, Base64Binary", GiftiBases.Surface(GiftiEncoding.Base64Binary, GiftiEndian.Little, ArrayIndexingOrder.ColumnMajor));
        yield return Sound("surface", "column-major-ascii", "the surface in column-major order, ASCII", GiftiBases.Surface(GiftiEncoding.Ascii, GiftiEndian.Little, ArrayIndexingOrder.ColumnMajor));
        yield return Sound("surface", "with-shape", "the surface with a NIFTI_INTENT_SHAPE array of one value per point", GiftiBases.SurfaceWithShape());
        yield return Sound("labels", "label-table", "a NIFTI_INTENT_LABEL array with its label table (keys, names, colours)", GiftiBases.Labels());
        yield return Sound("time-series", "three-points", "three NIFTI_INTENT_TIME_SERIES arrays of four values", GiftiBases.TimeSeries());
        yield return Sound("external", "nibabel-layout", "the surface with both arrays in one external file, at offsets 0 and 48, as nibabel writes them", GiftiBases.External());
    }

    public static IEnumerable<FixtureCase> Invalid()
    {
        GiftiImage ascii = GiftiBases.Surface(GiftiEncoding.Ascii);
        GiftiImage base64 = GiftiBases.Surface(GiftiEncoding.Base64Binary);
        GiftiImage series = GiftiBases.TimeSeries();
        GiftiImage labels = GiftiBases.Labels();

        // The file as XML.
        yield return Edited("invalid", "xml", "truncated", "the file ends before </GIFTI>", ascii, x => Replace(x, "</GIFTI>", ""), [GiftiRules.WellFormedXml]);
        yield return Edited("unsupported", "xml", "internal-subset", "the DOCTYPE declares an entity in an internal subset", ascii,
            x => Replace(x, "<!DOCTYPE GIFTI SYSTEM \"http://www.nitrc.org/frs/download.php/115/gifti.dtd\">", "<!DOCTYPE GIFTI [<!ENTITY side \"CortexLeft\">]>"), [GiftiRules.NoInternalDtd]);

        // The GIFTI element.
        yield return Edited("invalid", "structure", "root-element", "the root element is <GIFTY>", ascii, x => Replace(Replace(x, "<GIFTI Version", "<GIFTY Version"), "</GIFTI>", "</GIFTY>"), [GiftiRules.RootElement]);
        yield return Edited("invalid", "structure", "version-missing", "GIFTI has no Version attribute", ascii, x => Replace(x, " Version=\"1.0\"", ""), [GiftiRules.Version]);
        yield return Edited("unsupported", "structure", "version-2", "Version is 2.0, which no spec defines", ascii, x => Replace(x, "Version=\"1.0\"", "Version=\"2.0\""), [GiftiRules.Version]);
        yield return Edited("invalid", "structure", "number-of-data-arrays", "NumberOfDataArrays says 3; the file holds 2", ascii, x => Replace(x, "NumberOfDataArrays=\"2\"", "NumberOfDataArrays=\"3\""), [GiftiRules.NumberOfDataArrays]);
        yield return Edited("invalid", "structure", "label-table-after-data", "the LabelTable follows the DataArray elements", labels,
            MoveLabelTable, [GiftiRules.ElementContent]);
        yield return Edited("invalid", "structure", "md-without-name", "an MD holds a Value but no Name", ascii, x => Replace(x, "      <Name><![CDATA[AnatomicalStructurePrimary]]></Name>\n", ""), [GiftiRules.MetaDataEntry]);

        // Labels.
        yield return Edited("invalid", "labels", "negative-key", "a Label's Key is -1", labels, x => Replace(x, "Key=\"2\"", "Key=\"-1\""), [GiftiRules.LabelKey]);
        yield return Edited("invalid", "labels", "colour-above-one", "a Label's Red is 1.5", labels, x => Replace(x, "Key=\"1\" Red=\"0.25\"", "Key=\"1\" Red=\"1.5\""), [GiftiRules.LabelColor]);

        // DataArray attributes.
        yield return Edited("invalid", "data-array", "order-missing", "a DataArray has no ArrayIndexingOrder", series, x => InArray(x, 1, a => Replace(a, " ArrayIndexingOrder=\"RowMajorOrder\"", "")), [GiftiRules.RequiredAttribute]);
        yield return Edited("invalid", "data-array", "intent-unknown", "Intent is NIFTI_INTENT_TIMESERIES (no underscore)", series, x => InArray(x, 1, a => Replace(a, "NIFTI_INTENT_TIME_SERIES", "NIFTI_INTENT_TIMESERIES")), [GiftiRules.Intent]);
        yield return Edited("invalid", "data-array", "data-type-unknown", "DataType is NIFTI_TYPE_FLOAT16, which NIfTI-1 does not name", series, x => InArray(x, 1, a => Replace(a, "NIFTI_TYPE_FLOAT32", "NIFTI_TYPE_FLOAT16")), [GiftiRules.DataType]);
        yield return Edited("invalid", "data-array", "order-unknown", "ArrayIndexingOrder is RowMajor", series, x => InArray(x, 1, a => Replace(a, "\"RowMajorOrder\"", "\"RowMajor\"")), [GiftiRules.ArrayIndexingOrder]);
        yield return Edited("invalid", "data-array", "dimensionality-zero", "Dimensionality is 0", series, x => InArray(x, 1, a => Replace(a, "Dimensionality=\"1\"", "Dimensionality=\"0\"")), [GiftiRules.Dimensions]);
        yield return Edited("invalid", "data-array", "encoding-unknown", "Encoding is Base64", series, x => InArray(x, 1, a => Replace(a, "Encoding=\"ASCII\"", "Encoding=\"Base64\"")), [GiftiRules.Encoding]);
        yield return Edited("invalid", "data-array", "endian-unknown", "Endian is Little", series, x => InArray(x, 1, a => Replace(a, "Endian=\"LittleEndian\"", "Endian=\"Little\"")), [GiftiRules.Endian]);
        yield return Edited("invalid", "data-array", "external-name-missing", "an ExternalFileBinary array has an empty ExternalFileName", GiftiBases.External(),
            x => InArray(x, 1, a => Replace(a, "ExternalFileName=\"surface.dat\"", "ExternalFileName=\"\"")), [GiftiRules.ExternalFile]);
        yield return Edited("valid", "data-array", "data-type-float64", "a time series array is NIFTI_TYPE_FLOAT64, a NIfTI type GIFTI 1.0 does not allow, read leniently", series,
            x => InArray(x, 1, a => Replace(a, "NIFTI_TYPE_FLOAT32", "NIFTI_TYPE_FLOAT64")), [], [GiftiValidatorRules.NonSpecDataType]);
        yield return Edited("invalid", "data-array", "node-index-second", "the second array is a NIFTI_INTENT_NODE_INDEX", series,
            x => InArray(x, 1, a => Replace(Replace(a, "NIFTI_INTENT_TIME_SERIES", "NIFTI_INTENT_NODE_INDEX"), "NIFTI_TYPE_FLOAT32", "NIFTI_TYPE_INT32").Replace(".5", "", StringComparison.Ordinal)), [GiftiValidatorRules.NodeIndexFirst]);
        yield return Edited("valid", "data-array", "triangle-uint8", "the triangle array is NIFTI_TYPE_UINT8, not INT32", ascii,
            x => InArray(x, 1, a => Replace(a, "NIFTI_TYPE_INT32", "NIFTI_TYPE_UINT8")), [], [GiftiValidatorRules.IntentShape]);

        // Transforms.
        yield return Edited("invalid", "transforms", "matrix-17-numbers", "MatrixData holds 17 numbers", ascii, x => Replace(x, "0 0 0 1\n</MatrixData>", "0 0 0 1 7\n</MatrixData>"), [GiftiRules.TransformContent]);
        yield return Edited("invalid", "transforms", "point-set-without-transform", "the point set has no CoordinateSystemTransformMatrix", ascii, x => InArray(x, 0, WithoutTransform), [GiftiValidatorRules.PointSetTransform]);
        yield return Edited("valid", "transforms", "transform-on-triangles", "the triangle array carries a CoordinateSystemTransformMatrix too", ascii,
            x => InArray(x, 1, a => Replace(a, "    <MetaData />\n", "    <MetaData />\n" + Transform(x))), [], [GiftiValidatorRules.TransformOnPointSetOnly]);
        yield return Edited("valid", "transforms", "unknown-space", "TransformedSpace is TLRC, not a NIFTI_XFORM_* name", ascii, x => Replace(x, "NIFTI_XFORM_TALAIRACH", "TLRC"), [], [GiftiValidatorRules.TransformSpace]);

        // Data.
        yield return Edited("invalid", "data", "ascii-not-a-number", "an ASCII value is \"x\"", series, x => InArray(x, 1, a => Replace(a, "10.5", "x")), [GiftiRules.AsciiData]);
        yield return Edited("invalid", "data", "base64-alphabet", "Base64Binary data holds characters outside the base64 alphabet", base64, x => InArray(x, 1, a => Replace(a, "<Data>AAAA", "<Data>!!!!")), [GiftiRules.Base64Data]);
        yield return Edited("invalid", "data", "zlib-corrupt", "GZipBase64Binary data is not a zlib stream", GiftiBases.Surface(GiftiEncoding.GZipBase64Binary),
            x => InArray(x, 1, a => SetData(a, "AAAAAAAAAAAAAAAA")), [GiftiRules.CompressedData]);
        yield return Edited("invalid", "data", "external-past-end", "ExternalFileOffset puts the triangles past the end of the external file", GiftiBases.External(),
            x => InArray(x, 1, a => Replace(a, "ExternalFileOffset=\"48\"", "ExternalFileOffset=\"64\"")), [GiftiRules.ExternalData]);
        yield return Edited("invalid", "data", "dims-exceed-data", "Dim0 says 5 values; the ASCII data holds 4", series, x => InArray(x, 1, a => Replace(a, "Dim0=\"4\"", "Dim0=\"5\"")), [GiftiRules.ElementCount]);
        yield return Edited("invalid", "data", "base64-short", "Base64Binary data decodes to fewer bytes than Dims give", base64, x => InArray(x, 1, a => Replace(a, "Dim0=\"4\"", "Dim0=\"5\"")), [GiftiRules.ElementCount]);
        yield return Edited("valid", "data", "gzip-member", "GZipBase64Binary data is a gzip member rather than a zlib stream", GiftiBases.Surface(GiftiEncoding.GZipBase64Binary),
            x => InArray(x, 1, a => SetData(a, Gzip(GiftiBases.Triangles))), [], [GiftiValidatorRules.ZlibNotGzip]);
        yield return Edited("unsupported", "data", "array-too-large", "Dim0 is 2000000000, an array beyond what this implementation holds", series, x => InArray(x, 1, a => Replace(a, "Dim0=\"4\"", "Dim0=\"2000000000\"")), [GiftiRules.ArrayTooLarge]);

        // Geometry.
        yield return Edited("invalid", "geometry", "triangle-index-out-of-range", "a triangle names point 4 of a 4-point set", ascii, x => InArray(x, 1, a => Replace(a, "1 2 3\n", "1 2 4\n")), [GiftiValidatorRules.TriangleIndex]);
        yield return Edited("invalid", "geometry", "shape-length", "the shape array has 3 values for 4 points", GiftiBases.SurfaceWithShape(),
            x => InArray(x, 2, a => Replace(Replace(a, "Dim0=\"4\"", "Dim0=\"3\""), " 1\n</Data>", "\n</Data>")), [GiftiValidatorRules.PerVertexLength]);
        yield return Edited("valid", "geometry", "repeated-point", "a triangle names the same point twice", ascii, x => InArray(x, 1, a => Replace(a, "1 2 3\n", "1 2 2\n")), [], [GiftiValidatorRules.DegenerateTriangle]);
        yield return Edited("valid", "geometry", "nan-coordinate", "a coordinate is NaN", ascii, x => InArray(x, 0, a => SetData(a, "\n0 0 0\nnan 0 0\n0 1 0\n0 0 1\n")), [], [GiftiValidatorRules.FiniteCoordinate]);
    }

    private static FixtureCase Sound(string area, string name, string description, GiftiImage image)
    {
        var fixture = new FixtureCase(Corpus, area, name, description, Spec, "valid") { File = SurfaceFile };
        foreach ((string file, byte[] bytes) in GiftiBases.Write(image, SurfaceFile))
        {
            fixture.Files[file] = bytes;
        }
        return fixture;
    }

    /// <summary>A case made from <paramref name="image"/> by editing the text of its .gii file.</summary>
    private static FixtureCase Edited(string expect, string area, string name, string description, GiftiImage image, Func<string, string> edit, string[] rules, string[]? warnings = null)
    {
        var fixture = new FixtureCase(Corpus, area, name, description, Spec, expect, rules: rules, warnings: warnings) { File = SurfaceFile };
        foreach ((string file, byte[] bytes) in GiftiBases.Write(image, SurfaceFile))
        {
            fixture.Files[file] = file == SurfaceFile ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(bytes))) : bytes;
        }
        return fixture;
    }
    /// <summary><paramref name="text"/> with its only occurrence of <paramref name="old"/> replaced: a fixture edit that misses fails loudly.</summary>
    private static string Replace(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"the fixture edit expects \"{old}\" exactly once");
        }
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    /// <summary><paramref name="text"/> with the <paramref name="index"/>-th DataArray element (from 0) edited.</summary>
    private static string InArray(string text, int index, Func<string, string> edit)
    {
        int start = -1;
        for (int i = 0; i <= index; i++)
        {
            start = text.IndexOf("<DataArray ", start + 1, StringComparison.Ordinal);
        }
        int end = text.IndexOf("</DataArray>", start, StringComparison.Ordinal) + "</DataArray>".Length;
        return string.Concat(text.AsSpan(0, start), edit(text[start..end]), text.AsSpan(end));
    }

    private static string SetData(string array, string content)
    {
        int start = array.IndexOf("<Data>", StringComparison.Ordinal) + "<Data>".Length;
        int end = array.IndexOf("</Data>", StringComparison.Ordinal);
        return string.Concat(array.AsSpan(0, start), content, array.AsSpan(end));
    }

    /// <summary>The point set's CoordinateSystemTransformMatrix element, with its indentation and line end.</summary>
    private static string Transform(string text)
    {
        int start = text.LastIndexOf('\n', text.IndexOf("<CoordinateSystemTransformMatrix>", StringComparison.Ordinal)) + 1;
        int end = text.IndexOf("</CoordinateSystemTransformMatrix>\n", StringComparison.Ordinal) + "</CoordinateSystemTransformMatrix>\n".Length;
        return text[start..end];
    }

    /// <summary>The label file with its LabelTable moved after the DataArray.</summary>
    private static string MoveLabelTable(string text)
    {
        int start = text.IndexOf("  <LabelTable>", StringComparison.Ordinal);
        int end = text.IndexOf("  </LabelTable>\n", StringComparison.Ordinal) + "  </LabelTable>\n".Length;
        string table = text[start..end];
        return Replace(text.Remove(start, end - start), "</GIFTI>", table + "</GIFTI>");
    }

    private static string WithoutTransform(string array) => array.Replace(Transform(array), "", StringComparison.Ordinal);

    /// <summary>Little-endian INT32 values as a gzip member (RFC 1952), base64-encoded.</summary>
    private static string Gzip(int[] values)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        return Convert.ToBase64String(output.ToArray());
    }
}
