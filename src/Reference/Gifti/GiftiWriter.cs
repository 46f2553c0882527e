using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Conformance.Reference.Gifti;

/// <summary>
/// Writes a <see cref="GiftiImage"/> as a GIFTI 1.0 file, and only a conformant one: a model the
/// spec would not allow is refused with an <see cref="ArgumentException"/> before anything is
/// written. Files appear whole or not at all (temporary file, then rename).
/// </summary>
/// <remarks>
/// Choices where the spec leaves room, made for interoperability: NumberOfDataArrays is always
/// the array count; base64 has no line breaks; GZipBase64Binary is a zlib stream (section 5.0);
/// ASCII floats use the shortest text that parses back to the same value; ASCII row-major
/// arrays are one row per line and column-major arrays one value per line, so readers that
/// take lines as rows (nibabel) rebuild the same array.
/// </remarks>
public static class GiftiWriter
{
    /// <summary>The DOCTYPE line GIFTI files commonly carry (section 2.0 shows it).</summary>
    public const string DtdSystemId = "http://www.nitrc.org/frs/download.php/115/gifti.dtd";

    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/>. ExternalFileBinary arrays are
    /// written to their ExternalFileName beside it, at their ExternalFileOffset.
    /// </summary>
    public static void Write(GiftiImage image, string path, bool includeDoctype = true)
    {
        Check(image);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        foreach (IGrouping<string, GiftiDataArray> file in image.DataArrays
            .Where(a => a.Encoding == GiftiEncoding.ExternalFileBinary)
            .GroupBy(a => a.ExternalFileName!, StringComparer.Ordinal))
        {
            WriteAtomically(Path.GetFullPath(Path.Combine(directory, file.Key)), stream => WriteExternal(file, stream));
        }
        WriteAtomically(full, stream => Write(image, stream, includeDoctype));
    }

    /// <summary>Writes the XML document to <paramref name="stream"/>; external arrays are not written here.</summary>
    public static void Write(GiftiImage image, Stream stream, bool includeDoctype = true)
    {
        Check(image);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
            OmitXmlDeclaration = true,
        };
        // Written by hand for the spelling section 2.0 shows (XmlWriter would write "utf-8").
        stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        using XmlWriter xml = XmlWriter.Create(stream, settings);
        if (includeDoctype)
        {
            xml.WriteDocType("GIFTI", null, DtdSystemId, null);
        }
        xml.WriteStartElement("GIFTI");
        xml.WriteAttributeString("Version", "1.0");
        xml.WriteAttributeString("NumberOfDataArrays", image.DataArrays.Count.ToString(CultureInfo.InvariantCulture));
        WriteMetaData(xml, image.MetaData);
        WriteLabelTable(xml, image.LabelTable);
        foreach (GiftiDataArray array in image.DataArrays)
        {
            WriteDataArray(xml, array);
        }
        xml.WriteEndElement();
    }

    private static void Check(GiftiImage image)
    {
        if (image.Version != "1.0")
        {
            throw new ArgumentException($"{GiftiRules.Version}: only Version 1.0 is written, not \"{image.Version}\"", nameof(image));
        }
        if (image.DataArrays.Count == 0)
        {
            throw new ArgumentException($"{GiftiRules.ElementContent}: a GIFTI file holds at least one DataArray", nameof(image));
        }
        foreach (GiftiLabel label in image.LabelTable.Labels)
        {
            if (label.Key < 0)
            {
                throw new ArgumentException($"{GiftiRules.LabelKey}: label key {label.Key} is negative", nameof(image));
            }
            foreach (float? component in new[] { label.Red, label.Green, label.Blue, label.Alpha })
            {
                if (component is float c && !(c >= 0f && c <= 1f))
                {
                    throw new ArgumentException($"{GiftiRules.LabelColor}: label {label.Key} has a colour component {c} outside 0 to 1", nameof(image));
                }
            }
        }
        for (int i = 0; i < image.DataArrays.Count; i++)
        {
            GiftiDataArray array = image.DataArrays[i];
            string which = $"DataArray {i}";
            if (!GiftiNames.IsSpecDataType(array.DataType))
            {
                throw new ArgumentException($"{GiftiRules.DataType}: {which} is {GiftiNames.Of(array.DataType)}; GIFTI 1.0 allows UINT8, INT32 and FLOAT32", nameof(image));
            }
            if (array.Dims.Length is < 1 or > 6 || array.Dims.Any(d => d < 1))
            {
                throw new ArgumentException($"{GiftiRules.Dimensions}: {which} needs 1 to 6 positive Dims", nameof(image));
            }
            if (array.Data.LongLength != array.ElementCount * GiftiNames.SizeOf(array.DataType))
            {
                throw new ArgumentException($"{GiftiRules.ElementCount}: {which} holds {array.Data.Length} bytes; Dims × element size is {array.ElementCount * GiftiNames.SizeOf(array.DataType)}", nameof(image));
            }
            // Section 2.0, CoordinateSystemTransformMatrix: at least one for a point set, and
            // the element is used for point sets only.
            if (array.Intent == GiftiIntent.PointSet && array.CoordinateSystemTransforms.Count == 0)
            {
                throw new ArgumentException($"GIFTI-XFORM-002: {which} is a POINTSET and needs a CoordinateSystemTransformMatrix", nameof(image));
            }
            if (array.Intent != GiftiIntent.PointSet && array.CoordinateSystemTransforms.Count > 0)
            {
                throw new ArgumentException($"GIFTI-XFORM-003: {which} is not a POINTSET, so it takes no CoordinateSystemTransformMatrix", nameof(image));
            }
            if (array.CoordinateSystemTransforms.Any(t => t.MatrixData.Length != 16))
            {
                throw new ArgumentException($"{GiftiRules.TransformContent}: {which} has a MatrixData without 16 values", nameof(image));
            }
            if (array.Encoding == GiftiEncoding.ExternalFileBinary && (string.IsNullOrWhiteSpace(array.ExternalFileName) || array.ExternalFileOffset < 0))
            {
                throw new ArgumentException($"{GiftiRules.ExternalFile}: {which} needs an ExternalFileName and a non-negative offset", nameof(image));
            }
        }
        foreach (IGrouping<string, GiftiDataArray> file in image.DataArrays.Where(a => a.Encoding == GiftiEncoding.ExternalFileBinary).GroupBy(a => a.ExternalFileName!, StringComparer.Ordinal))
        {
            long end = 0;
            foreach (GiftiDataArray array in file.OrderBy(a => a.ExternalFileOffset))
            {
                if (array.ExternalFileOffset < end)
                {
                    throw new ArgumentException($"{GiftiRules.ExternalFile}: arrays overlap in {file.Key}", nameof(image));
                }
                end = array.ExternalFileOffset + array.Data.LongLength;
            }
        }
    }

    private static void WriteMetaData(XmlWriter xml, GiftiMetaData metaData)
    {
        xml.WriteStartElement("MetaData");
        foreach (KeyValuePair<string, string> entry in metaData.Entries)
        {
            xml.WriteStartElement("MD");
            WriteCharacterData(xml, "Name", entry.Key);
            WriteCharacterData(xml, "Value", entry.Value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Section 2.0 shows Name, Value and Label text as CDATA; text holding the CDATA end marker is escaped instead.</summary>
    private static void WriteCharacterData(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element);
        if (text.Contains("]]>", StringComparison.Ordinal))
        {
            xml.WriteString(text);
        }
        else
        {
            xml.WriteCData(text);
        }
        xml.WriteEndElement();
    }

    private static void WriteLabelTable(XmlWriter xml, GiftiLabelTable table)
    {
        xml.WriteStartElement("LabelTable");
        foreach (GiftiLabel label in table.Labels)
        {
            xml.WriteStartElement("Label");
            xml.WriteAttributeString("Key", label.Key.ToString(CultureInfo.InvariantCulture));
            WriteColor(xml, "Red", label.Red);
            WriteColor(xml, "Green", label.Green);
            WriteColor(xml, "Blue", label.Blue);
            WriteColor(xml, "Alpha", label.Alpha);
            if (label.Name.Contains("]]>", StringComparison.Ordinal))
            {
                xml.WriteString(label.Name);
            }
            else
            {
                xml.WriteCData(label.Name);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteColor(XmlWriter xml, string name, float? value)
    {
        if (value is float v)
        {
            xml.WriteAttributeString(name, GiftiText.Format(v));
        }
    }

    private static void WriteDataArray(XmlWriter xml, GiftiDataArray array)
    {
        xml.WriteStartElement("DataArray");
        xml.WriteAttributeString("Intent", GiftiNames.Of(array.Intent));
        xml.WriteAttributeString("DataType", GiftiNames.Of(array.DataType));
        xml.WriteAttributeString("ArrayIndexingOrder", GiftiNames.Of(array.ArrayIndexingOrder));
        xml.WriteAttributeString("Dimensionality", array.Dims.Length.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < array.Dims.Length; i++)
        {
            xml.WriteAttributeString("Dim" + i.ToString(CultureInfo.InvariantCulture), array.Dims[i].ToString(CultureInfo.InvariantCulture));
        }
        xml.WriteAttributeString("Encoding", GiftiNames.Of(array.Encoding));
        xml.WriteAttributeString("Endian", GiftiNames.Of(array.Endian));
        bool external = array.Encoding == GiftiEncoding.ExternalFileBinary;
        xml.WriteAttributeString("ExternalFileName", external ? array.ExternalFileName : "");
        xml.WriteAttributeString("ExternalFileOffset", external ? array.ExternalFileOffset.ToString(CultureInfo.InvariantCulture) : "");
        WriteMetaData(xml, array.MetaData);
        foreach (CoordinateSystemTransform transform in array.CoordinateSystemTransforms)
        {
            xml.WriteStartElement("CoordinateSystemTransformMatrix");
            WriteCharacterData(xml, "DataSpace", transform.DataSpace);
            WriteCharacterData(xml, "TransformedSpace", transform.TransformedSpace);
            var matrix = new StringBuilder();
            for (int row = 0; row < 4; row++)
            {
                matrix.Append('\n').AppendJoin(' ', transform.MatrixData.Skip(row * 4).Take(4).Select(GiftiText.Format));
            }
            xml.WriteElementString("MatrixData", matrix.Append('\n').ToString());
            xml.WriteEndElement();
        }
        xml.WriteElementString("Data", array.Encoding switch
        {
            GiftiEncoding.Ascii => Ascii(array),
            GiftiEncoding.Base64Binary => Convert.ToBase64String(FileOrder(array)),
            GiftiEncoding.GZipBase64Binary => Convert.ToBase64String(Compress(FileOrder(array))),
            _ => "",
        });
        xml.WriteEndElement();
    }

    /// <summary>The element bytes in the array's declared byte order.</summary>
    private static byte[] FileOrder(GiftiDataArray array)
    {
        byte[] bytes = (byte[])array.Data.Clone();
        GiftiDataDecoder.SwapIfBig(array, bytes);
        return bytes;
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    private static string Ascii(GiftiDataArray array)
    {
        int size = GiftiNames.SizeOf(array.DataType);
        int count = array.Data.Length / size;
        int perLine = array.ArrayIndexingOrder == ArrayIndexingOrder.RowMajor ? array.Dims[^1] : 1;
        var text = new StringBuilder(count * 8);
        ReadOnlySpan<byte> data = array.Data;
        for (int i = 0; i < count; i++)
        {
            text.Append(i % perLine == 0 ? '\n' : ' ');
            ReadOnlySpan<byte> e = data.Slice(i * size, size);
            text.Append(array.DataType switch
            {
                GiftiDataType.UInt8 => e[0].ToString(CultureInfo.InvariantCulture),
                GiftiDataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(e).ToString(CultureInfo.InvariantCulture),
                _ => GiftiText.Format(BinaryPrimitives.ReadSingleLittleEndian(e)),
            });
        }
        return text.Append('\n').ToString();
    }

    private static void WriteExternal(IEnumerable<GiftiDataArray> arrays, Stream stream)
    {
        foreach (GiftiDataArray array in arrays.OrderBy(a => a.ExternalFileOffset))
        {
            if (stream.Position < array.ExternalFileOffset)
            {
                stream.Write(new byte[array.ExternalFileOffset - stream.Position]);
            }
            stream.Write(FileOrder(array));
        }
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
