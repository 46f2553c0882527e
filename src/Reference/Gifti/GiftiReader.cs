using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Conformance.Reference.Gifti;

/// <summary>
/// Reads a GIFTI 1.0 file into a <see cref="GiftiImage"/>. Every problem with the input is one
/// <see cref="ConformanceException"/> carrying a <see cref="GiftiRules"/> ID and a location
/// (file, line, column and the element path).
/// </summary>
/// <remarks>
/// A DOCTYPE naming gifti.dtd is tolerated but never fetched; an internal DTD subset is refused
/// before any entity could be expanded, so entity tricks cannot reach the data.
/// </remarks>
public sealed class GiftiReader
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n'];

    private readonly XmlReader _xml;
    private readonly string _file;
    private readonly string? _directory;
    private readonly GiftiReaderOptions _options;

    private GiftiReader(XmlReader xml, string file, string? directory, GiftiReaderOptions options)
    {
        _xml = xml;
        _file = file;
        _directory = directory;
        _options = options;
    }

    /// <summary>Reads the file at <paramref name="path"/>; external data files are found beside it.</summary>
    public static GiftiImage Read(string path, GiftiReaderOptions? options = null)
    {
        options ??= GiftiReaderOptions.Default;
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.Exists && info.Length > options.MaxFileBytes)
        {
            throw new ConformanceException(GiftiRules.FileTooLarge, path, $"the file has {info.Length} bytes, more than the limit of {options.MaxFileBytes}", Outcome.Unsupported);
        }
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, path, Path.GetDirectoryName(full), options);
    }

    /// <summary>
    /// Reads a GIFTI document from <paramref name="stream"/>. <paramref name="location"/> names it in
    /// diagnostics; <paramref name="directory"/> is where ExternalFileBinary names are resolved
    /// (null refuses external data).
    /// </summary>
    public static GiftiImage Read(Stream stream, string location, string? directory, GiftiReaderOptions? options = null)
    {
        options ??= GiftiReaderOptions.Default;
        var settings = new XmlReaderSettings
        {
            // Parse (not Prohibit) so the common DOCTYPE line is accepted; with no resolver the
            // external gifti.dtd is never fetched, and the internal subset check below runs
            // before any general entity could be referenced.
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = options.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(stream, settings);
        var reader = new GiftiReader(xml, location, directory, options);
        try
        {
            return reader.ReadDocument();
        }
        catch (XmlException e)
        {
            throw new ConformanceException(GiftiRules.WellFormedXml, $"{location}:{e.LineNumber}:{e.LinePosition}", "the file is not well-formed XML: " + e.Message, Outcome.Invalid, e);
        }
    }

    private GiftiImage ReadDocument()
    {
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.DocumentType && !string.IsNullOrWhiteSpace(_xml.Value))
            {
                throw Error(GiftiRules.NoInternalDtd, "", "the DOCTYPE has an internal subset; entity declarations are not read", Outcome.Unsupported);
            }
            if (_xml.NodeType == XmlNodeType.Element)
            {
                if (_xml.LocalName != "GIFTI" || _xml.NamespaceURI.Length != 0)
                {
                    throw Error(GiftiRules.RootElement, "/" + _xml.Name, $"the root element is <{_xml.Name}>, not <GIFTI>");
                }
                return ReadGifti();
            }
        }
        throw Error(GiftiRules.RootElement, "", "the document has no root element");
    }

    private GiftiImage ReadGifti()
    {
        const string RootPath = "/GIFTI";
        var image = new GiftiImage();
        string? version = _xml.GetAttribute("Version");
        if (version is null)
        {
            throw Error(GiftiRules.Version, RootPath, "GIFTI has no Version attribute");
        }
        if (version.Trim() != "1.0")
        {
            throw Error(GiftiRules.Version, RootPath, $"Version is \"{version}\"; this reader knows GIFTI 1.0", Outcome.Unsupported);
        }
        image.Version = "1.0";
        string? declared = _xml.GetAttribute("NumberOfDataArrays");
        if (declared is null || !int.TryParse(declared.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw Error(GiftiRules.NumberOfDataArrays, RootPath, $"NumberOfDataArrays is {(declared is null ? "missing" : $"\"{declared}\"")}, not a non-negative integer");
        }
        image.NumberOfDataArrays = count;

        // Section 2.0 (and the DTD): MetaData?, LabelTable?, DataArray+, in that order.
        int stage = 0;
        ReadChildren(RootPath, (name, path) =>
        {
            if (name == "MetaData" && stage < 1)
            {
                stage = 1;
                image.MetaData = ReadMetaData(path);
            }
            else if (name == "LabelTable" && stage < 2)
            {
                stage = 2;
                image.LabelTable = ReadLabelTable(path);
            }
            else if (name == "DataArray")
            {
                stage = 3;
                if (image.DataArrays.Count >= count)
                {
                    throw Error(GiftiRules.NumberOfDataArrays, path, $"more DataArray elements than NumberOfDataArrays ({count})");
                }
                image.DataArrays.Add(ReadDataArray(path));
            }
            else
            {
                throw Error(GiftiRules.ElementContent, path, $"<{name}> is not expected here; GIFTI holds MetaData?, LabelTable?, DataArray+ in that order");
            }
        });
        if (image.DataArrays.Count == 0)
        {
            throw Error(GiftiRules.ElementContent, RootPath, "GIFTI holds no DataArray");
        }
        if (image.DataArrays.Count != count)
        {
            throw Error(GiftiRules.NumberOfDataArrays, RootPath, $"NumberOfDataArrays is {count}, but the file holds {image.DataArrays.Count} DataArray elements");
        }
        return image;
    }

    private GiftiMetaData ReadMetaData(string path)
    {
        var metaData = new GiftiMetaData();
        ReadChildren(path, (name, mdPath) =>
        {
            if (name != "MD")
            {
                throw Error(GiftiRules.ElementContent, mdPath, $"<{name}> is not expected in MetaData, which holds MD elements");
            }
            string? key = null;
            string? value = null;
            ReadChildren(mdPath, (part, partPath) =>
            {
                if (part == "Name" && key is null && value is null)
                {
                    key = Text(partPath);
                }
                else if (part == "Value" && key is not null && value is null)
                {
                    value = Text(partPath);
                }
                else
                {
                    throw Error(GiftiRules.MetaDataEntry, partPath, $"<{part}> is not expected; MD holds one Name, then one Value");
                }
            });
            if (key is null || value is null)
            {
                throw Error(GiftiRules.MetaDataEntry, mdPath, "MD needs one Name and one Value");
            }
            metaData.Add(key, value);
        });
        return metaData;
    }

    private GiftiLabelTable ReadLabelTable(string path)
    {
        var table = new GiftiLabelTable();
        ReadChildren(path, (name, labelPath) =>
        {
            if (name != "Label")
            {
                throw Error(GiftiRules.ElementContent, labelPath, $"<{name}> is not expected in LabelTable, which holds Label elements");
            }
            var label = new GiftiLabel();
            string? key = _xml.GetAttribute("Key");
            if (key is null && _xml.GetAttribute("Index") is string index)
            {
                key = index;
                label.KeyFromLegacyIndex = true;
            }
            // Section 2.0, Label: Key is a required non-negative integer; early files call it
            // Index, which readers are to treat the same way.
            if (key is null || !int.TryParse(key.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                throw Error(GiftiRules.LabelKey, labelPath, $"Label needs a non-negative integer Key, not {(key is null ? "none" : $"\"{key}\"")}");
            }
            label.Key = parsed;
            label.Red = Color("Red", labelPath);
            label.Green = Color("Green", labelPath);
            label.Blue = Color("Blue", labelPath);
            label.Alpha = Color("Alpha", labelPath);
            label.Name = Text(labelPath);
            table.Labels.Add(label);
        });
        return table;
    }

    private float? Color(string attribute, string path)
    {
        string? text = _xml.GetAttribute(attribute);
        if (text is null)
        {
            return null;
        }
        // Section 2.0, Label: colour components are floats from 0.0 to 1.0.
        if (!float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !(value >= 0f && value <= 1f))
        {
            throw Error(GiftiRules.LabelColor, path, $"{attribute} is \"{text}\", not a number from 0 to 1");
        }
        return value;
    }

    private GiftiDataArray ReadDataArray(string path)
    {
        var array = new GiftiDataArray
        {
            Intent = Attribute(path, "Intent", GiftiRules.Intent, (string s, out GiftiIntent v) => GiftiNames.TryIntent(s, out v)),
            DataType = Attribute(path, "DataType", GiftiRules.DataType, (string s, out GiftiDataType v) => GiftiNames.TryDataType(s, out v)),
            ArrayIndexingOrder = Attribute(path, "ArrayIndexingOrder", GiftiRules.ArrayIndexingOrder, (string s, out ArrayIndexingOrder v) => GiftiNames.TryOrder(s, out v)),
            Encoding = Attribute(path, "Encoding", GiftiRules.Encoding, (string s, out GiftiEncoding v) => GiftiNames.TryEncoding(s, out v)),
            Endian = Attribute(path, "Endian", GiftiRules.Endian, (string s, out GiftiEndian v) => GiftiNames.TryEndian(s, out v)),
            Dims = ReadDims(path),
        };
        if (array.Encoding == GiftiEncoding.ExternalFileBinary)
        {
            string? name = _xml.GetAttribute("ExternalFileName");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw Error(GiftiRules.ExternalFile, path, "an ExternalFileBinary array needs ExternalFileName");
            }
            array.ExternalFileName = name.Trim();
            string offset = _xml.GetAttribute("ExternalFileOffset")?.Trim() ?? "";
            if (offset.Length == 0)
            {
                array.ExternalFileOffset = 0;
            }
            else if (long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                array.ExternalFileOffset = parsed;
            }
            else
            {
                throw Error(GiftiRules.ExternalFile, path, $"ExternalFileOffset is \"{offset}\", not a non-negative integer");
            }
        }
        int size = GiftiNames.SizeOf(array.DataType);
        long bytes = ByteCount(array.Dims, size);
        if (bytes < 0 || bytes > Math.Min(_options.MaxArrayBytes, Array.MaxLength))
        {
            throw Error(GiftiRules.ArrayTooLarge, path, $"Dims {string.Join('×', array.Dims)} of {size}-byte elements exceed the limit of {_options.MaxArrayBytes} bytes", Outcome.Unsupported);
        }

        // Section 2.0 (and the DTD): MetaData?, CoordinateSystemTransformMatrix*, Data.
        int stage = 0;
        ReadChildren(path, (name, childPath) =>
        {
            if (name == "MetaData" && stage < 1)
            {
                stage = 1;
                array.MetaData = ReadMetaData(childPath);
            }
            else if (name == "CoordinateSystemTransformMatrix" && stage < 3)
            {
                stage = 2;
                array.CoordinateSystemTransforms.Add(ReadTransform(childPath));
            }
            else if (name == "Data" && stage < 3)
            {
                stage = 3;
                string location = Location(childPath);
                if (array.Encoding == GiftiEncoding.ExternalFileBinary)
                {
                    Text(childPath);
                    array.Data = GiftiDataDecoder.ReadExternal(array, _directory, bytes, location);
                }
                else
                {
                    array.Data = ReadData(array, childPath, bytes, location);
                }
            }
            else
            {
                throw Error(GiftiRules.ElementContent, childPath, $"<{name}> is not expected here; DataArray holds MetaData?, CoordinateSystemTransformMatrix*, Data in that order");
            }
        });
        if (stage < 3)
        {
            throw Error(GiftiRules.ElementContent, path, "DataArray has no Data element");
        }
        return array;
    }

    private int[] ReadDims(string path)
    {
        string? text = _xml.GetAttribute("Dimensionality");
        if (text is null)
        {
            throw Error(GiftiRules.RequiredAttribute, path, "DataArray has no Dimensionality attribute");
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int rank) || rank < 1 || rank > 6)
        {
            throw Error(GiftiRules.Dimensions, path, $"Dimensionality is \"{text}\", not 1 to 6");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            string? dim = _xml.GetAttribute("Dim" + i.ToString(CultureInfo.InvariantCulture));
            if (dim is null)
            {
                throw Error(GiftiRules.RequiredAttribute, path, $"Dimensionality is {rank}, but Dim{i} is missing");
            }
            if (!int.TryParse(dim.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1)
            {
                throw Error(GiftiRules.Dimensions, path, $"Dim{i} is \"{dim}\", not a positive integer below 2^31");
            }
        }
        return dims;
    }

    /// <summary>Dim product × element size, or −1 when it overflows a long.</summary>
    private static long ByteCount(int[] dims, int size)
    {
        long total = size;
        foreach (int dim in dims)
        {
            if (total > long.MaxValue / dim)
            {
                return -1;
            }
            total *= dim;
        }
        return total;
    }

    private CoordinateSystemTransform ReadTransform(string path)
    {
        var transform = new CoordinateSystemTransform();
        int stage = 0;
        ReadChildren(path, (name, partPath) =>
        {
            if (name == "DataSpace" && stage == 0)
            {
                transform.DataSpace = Text(partPath).Trim();
            }
            else if (name == "TransformedSpace" && stage == 1)
            {
                transform.TransformedSpace = Text(partPath).Trim();
            }
            else if (name == "MatrixData" && stage == 2)
            {
                string[] tokens = Text(partPath).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
                double[] values = new double[16];
                if (tokens.Length != 16 || !tokens.Select((t, i) => GiftiText.TryParseDouble(t, out values[i])).All(ok => ok))
                {
                    throw Error(GiftiRules.TransformContent, partPath, $"MatrixData holds {tokens.Length} tokens; it needs 16 numbers");
                }
                transform.MatrixData = values;
            }
            else
            {
                throw Error(GiftiRules.TransformContent, partPath, $"<{name}> is not expected; the transform holds DataSpace, TransformedSpace, MatrixData in that order");
            }
            stage++;
        });
        if (stage != 3)
        {
            throw Error(GiftiRules.TransformContent, path, "the transform needs DataSpace, TransformedSpace and MatrixData");
        }
        return transform;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private T Attribute<T>(string path, string name, string rule, TryParse<T> parse)
    {
        string? text = _xml.GetAttribute(name);
        if (text is null)
        {
            throw Error(GiftiRules.RequiredAttribute, path, $"DataArray has no {name} attribute");
        }
        if (!parse(text.Trim(), out T value))
        {
            throw Error(rule, path, $"{name} \"{text}\" is not a value GIFTI 1.0 names");
        }
        return value;
    }

    /// <summary>
    /// Walks the child elements of the current element, calling <paramref name="onElement"/> with
    /// the reader on each child's start tag; the callback consumes the child. Character data
    /// between children is refused.
    /// </summary>
    private void ReadChildren(string path, Action<string, string> onElement)
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        _xml.Read();
        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.EndElement:
                    _xml.Read();
                    return;
                case XmlNodeType.Element:
                    string name = _xml.LocalName;
                    int n = seen[name] = seen.GetValueOrDefault(name) + 1;
                    string childPath = $"{path}/{name}[{n}]";
                    onElement(name, childPath);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    throw Error(GiftiRules.ElementContent, path, "character data where only elements are expected");
                case XmlNodeType.None:
                    throw new XmlException("unexpected end of file");
                default:
                    _xml.Read();
                    break;
            }
        }
    }

    /// <summary>
    /// Reads a Data element's character data (as <see cref="Text"/> does: text and CDATA joined,
    /// child elements refused) in chunks into a pooled buffer, and decodes it from there: the
    /// text, megabytes for a surface, is never made into a string.
    /// </summary>
    private byte[] ReadData(GiftiDataArray array, string path, long bytes, string location)
    {
        const int ChunkChars = 1 << 16;
        char[] text = ArrayPool<char>.Shared.Rent(ChunkChars);
        int length = 0;
        try
        {
            string name = _xml.LocalName;
            bool empty = _xml.IsEmptyElement;
            _xml.Read();
            while (!empty)
            {
                switch (_xml.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        int read;
                        do
                        {
                            if (text.Length - length < ChunkChars)
                            {
                                char[] larger = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, (long)text.Length * 2));
                                text.AsSpan(0, length).CopyTo(larger);
                                ArrayPool<char>.Shared.Return(text);
                                text = larger;
                            }
                            read = _xml.ReadValueChunk(text, length, ChunkChars);
                            length += read;
                        }
                        while (read > 0);
                        _xml.Read();
                        break;
                    case XmlNodeType.EndElement:
                        _xml.Read();
                        empty = true;
                        break;
                    case XmlNodeType.Element:
                        throw Error(GiftiRules.ElementContent, path, $"<{name}> holds an element where text is expected");
                    case XmlNodeType.None:
                        throw new XmlException("unexpected end of file");
                    default:
                        _xml.Read();
                        break;
                }
            }
            return array.Encoding == GiftiEncoding.Ascii
                ? GiftiDataDecoder.DecodeAscii(array, text.AsSpan(0, length), bytes, location)
                : GiftiDataDecoder.DecodeBinary(array, text.AsSpan(0, length), bytes, location);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>The character data of the current element (text and CDATA joined); child elements are refused.</summary>
    private string Text(string path)
    {
        string name = _xml.LocalName;
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return "";
        }
        // The usual content is one text node (a Data element's megabytes of base64 or numbers):
        // its string is returned as is; only further pieces are joined.
        string? first = null;
        StringBuilder? joined = null;
        _xml.Read();
        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (first is null)
                    {
                        first = _xml.Value;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(first)).Append(_xml.Value);
                    }
                    _xml.Read();
                    break;
                case XmlNodeType.EndElement:
                    _xml.Read();
                    return joined?.ToString() ?? first ?? "";
                case XmlNodeType.Element:
                    throw Error(GiftiRules.ElementContent, path, $"<{name}> holds an element where text is expected");
                case XmlNodeType.None:
                    throw new XmlException("unexpected end of file");
                default:
                    _xml.Read();
                    break;
            }
        }
    }

    private string Location(string path) => _xml is IXmlLineInfo { } info && info.HasLineInfo()
        ? $"{_file}:{info.LineNumber}:{info.LinePosition} {path}"
        : $"{_file} {path}";

    private ConformanceException Error(string rule, string path, string message, Outcome outcome = Outcome.Invalid, Exception? inner = null) =>
        new(rule, Location(path), message, outcome, inner);
}
