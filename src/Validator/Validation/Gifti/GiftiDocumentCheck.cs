using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Conformance.Reference;
using Conformance.Reference.Gifti;

namespace Conformance.Validator.Validation.Gifti;

/// <summary>
/// Walks a GIFTI document element by element and reports every structural finding: the root, its
/// attributes, the order of children the DTD gives, metadata, labels, each DataArray's attributes
/// and transforms; then decodes each sound DataArray on its own through the reference reader.
/// </summary>
/// <remarks>
/// The XML is parsed with the reader's protections: the file size is checked before it is read,
/// an internal DTD subset is refused before any entity could be expanded, nothing is fetched.
/// </remarks>
internal sealed class GiftiDocumentCheck(string path, GiftiReaderOptions limits, DiagnosticSink sink)
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n'];

    /// <summary>Elements that repeat by design, so their paths always carry an index.</summary>
    private static readonly HashSet<string> Repeated = new(StringComparer.Ordinal) { "DataArray", "MD", "Label", "CoordinateSystemTransformMatrix" };

    /// <summary>Section 2.0, CoordinateSystemTransformMatrix: the stereotaxic spaces GIFTI names.</summary>
    private static readonly HashSet<string> Spaces = new(StringComparer.Ordinal)
    {
        "NIFTI_XFORM_UNKNOWN", "NIFTI_XFORM_SCANNER_ANAT", "NIFTI_XFORM_ALIGNED_ANAT", "NIFTI_XFORM_TALAIRACH", "NIFTI_XFORM_MNI_152",
    };

    private readonly string _key = Path.GetFileName(path);

    private readonly HashSet<string> _externalFiles = new(StringComparer.Ordinal);

    public List<GiftiArrayEntry> Arrays { get; } = [];

    /// <summary>The external data files the arrays name.</summary>
    public int ExternalFiles => _externalFiles.Count;

    public long ArraysDecoded { get; private set; }

    public long BytesChecked { get; private set; }

    public void Run(CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length > limits.MaxFileBytes)
        {
            Unsupported(GiftiRules.FileTooLarge, null, $"the file has {info.Length} bytes, more than the limit of {limits.MaxFileBytes}");
            return;
        }
        byte[] bytes = File.ReadAllBytes(path);
        BytesChecked = bytes.Length;
        XDocument? document = Parse(bytes);
        if (document?.Root is not XElement root)
        {
            return;
        }
        if (root.Name.LocalName != "GIFTI" || root.Name.NamespaceName.Length != 0)
        {
            Add(GiftiRules.RootElement, "/" + root.Name.LocalName, $"the root element is <{root.Name.LocalName}>, not <GIFTI>");
            return;
        }
        CheckGifti(root, cancellationToken);
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        // As GiftiReader: the DOCTYPE line is parsed but gifti.dtd is never fetched (no resolver).
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private XDocument? Parse(byte[] bytes)
    {
        XmlReaderSettings settings = Settings(limits.MaxFileBytes);
        try
        {
            // First pass up to the root element only: an internal subset is refused before the
            // document is loaded, so no entity it declares is ever expanded.
            using (XmlReader head = XmlReader.Create(new MemoryStream(bytes, writable: false), settings))
            {
                while (head.Read() && head.NodeType != XmlNodeType.Element)
                {
                    if (head.NodeType == XmlNodeType.DocumentType && !string.IsNullOrWhiteSpace(head.Value))
                    {
                        Unsupported(GiftiRules.NoInternalDtd, null, "the DOCTYPE has an internal subset; entity declarations are not read");
                        return null;
                    }
                }
            }
            using XmlReader xml = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            XDocument document = XDocument.Load(xml, LoadOptions.None);
            if (document.Root is null)
            {
                Add(GiftiRules.RootElement, null, "the document has no root element");
            }
            return document;
        }
        catch (XmlException e)
        {
            Add(GiftiRules.WellFormedXml, null, $"the file is not well-formed XML (line {e.LineNumber}, column {e.LinePosition}): {e.Message}");
            return null;
        }
    }

    private void CheckGifti(XElement root, CancellationToken cancellationToken)
    {
        const string RootPath = "/GIFTI";
        string? version = (string?)root.Attribute("Version");
        if (version is null)
        {
            Add(GiftiRules.Version, RootPath, "GIFTI has no Version attribute");
        }
        else if (version.Trim() != "1.0")
        {
            Unsupported(GiftiRules.Version, RootPath, $"Version is \"{version}\"; this validator knows GIFTI 1.0");
        }
        string? declared = (string?)root.Attribute("NumberOfDataArrays");
        int? count = declared is not null && int.TryParse(declared.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
        if (count is null)
        {
            Add(GiftiRules.NumberOfDataArrays, RootPath, $"NumberOfDataArrays is {(declared is null ? "missing" : $"\"{declared}\"")}, not a non-negative integer");
        }
        NoText(root, RootPath);

        // Section 2.0 (and the DTD): MetaData?, LabelTable?, DataArray+, in that order.
        int stage = 0;
        foreach ((XElement child, string childPath) in Children(root, RootPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string name = child.Name.LocalName;
            if (name == "MetaData" && stage < 1)
            {
                stage = 1;
                CheckMetaData(child, childPath);
            }
            else if (name == "LabelTable" && stage < 2)
            {
                stage = 2;
                CheckLabelTable(child, childPath);
            }
            else if (name == "DataArray")
            {
                stage = 3;
                CheckDataArray(child, childPath);
            }
            else
            {
                Add(GiftiRules.ElementContent, childPath, $"<{name}> is not expected here; GIFTI holds MetaData?, LabelTable?, DataArray+ in that order");
            }
        }
        if (Arrays.Count == 0)
        {
            Add(GiftiRules.ElementContent, RootPath, "GIFTI holds no DataArray");
        }
        if (count is int declaredCount && declaredCount != Arrays.Count)
        {
            Add(GiftiRules.NumberOfDataArrays, RootPath, $"NumberOfDataArrays is {declaredCount}, but the file holds {Arrays.Count} DataArray elements");
        }
    }

    private void CheckMetaData(XElement metaData, string metaPath)
    {
        NoText(metaData, metaPath);
        foreach ((XElement md, string mdPath) in Children(metaData, metaPath))
        {
            if (md.Name.LocalName != "MD")
            {
                Add(GiftiRules.ElementContent, mdPath, $"<{md.Name.LocalName}> is not expected in MetaData, which holds MD elements");
                continue;
            }
            NoText(md, mdPath);
            // Section 2.0, MD: one Name, then one Value.
            string[] parts = [.. md.Elements().Select(e => e.Name.LocalName)];
            if (parts is not ["Name", "Value"])
            {
                Add(GiftiRules.MetaDataEntry, mdPath, $"MD holds {(parts.Length == 0 ? "nothing" : string.Join(", ", parts))}; it needs one Name, then one Value");
            }
            foreach ((XElement part, string partPath) in Children(md, mdPath))
            {
                TextOnly(part, partPath);
            }
        }
    }

    private void CheckLabelTable(XElement table, string tablePath)
    {
        NoText(table, tablePath);
        foreach ((XElement label, string labelPath) in Children(table, tablePath))
        {
            if (label.Name.LocalName != "Label")
            {
                Add(GiftiRules.ElementContent, labelPath, $"<{label.Name.LocalName}> is not expected in LabelTable, which holds Label elements");
                continue;
            }
            TextOnly(label, labelPath);
            // Section 2.0, Label: Key is a required non-negative integer; early files call it Index.
            string? key = (string?)label.Attribute("Key") ?? (string?)label.Attribute("Index");
            if (key is null || !int.TryParse(key.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Add(GiftiRules.LabelKey, labelPath, $"Label needs a non-negative integer Key, not {(key is null ? "none" : $"\"{key}\"")}");
            }
            foreach (string component in (string[])["Red", "Green", "Blue", "Alpha"])
            {
                // Section 2.0, Label: colour components are floats from 0.0 to 1.0.
                if ((string?)label.Attribute(component) is string text
                    && !(float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && value >= 0f && value <= 1f))
                {
                    Add(GiftiRules.LabelColor, labelPath, $"{component} is \"{text}\", not a number from 0 to 1");
                }
            }
        }
    }

    private void CheckDataArray(XElement element, string arrayPath)
    {
        var entry = new GiftiArrayEntry(Arrays.Count, arrayPath);
        Arrays.Add(entry);
        NoText(element, arrayPath);
        entry.Intent = Attribute(element, arrayPath, "Intent", GiftiRules.Intent, (string s, out GiftiIntent v) => GiftiNames.TryIntent(s, out v));
        entry.DataType = Attribute(element, arrayPath, "DataType", GiftiRules.DataType, (string s, out GiftiDataType v) => GiftiNames.TryDataType(s, out v));
        entry.Order = Attribute(element, arrayPath, "ArrayIndexingOrder", GiftiRules.ArrayIndexingOrder, (string s, out ArrayIndexingOrder v) => GiftiNames.TryOrder(s, out v));
        GiftiEncoding? encoding = Attribute(element, arrayPath, "Encoding", GiftiRules.Encoding, (string s, out GiftiEncoding v) => GiftiNames.TryEncoding(s, out v));
        GiftiEndian? endian = Attribute(element, arrayPath, "Endian", GiftiRules.Endian, (string s, out GiftiEndian v) => GiftiNames.TryEndian(s, out v));
        entry.Dims = Dims(element, arrayPath);
        if (entry.DataType is GiftiDataType type && !GiftiNames.IsSpecDataType(type))
        {
            Add(GiftiValidatorRules.NonSpecDataType, arrayPath, $"DataType {GiftiNames.Of(type)} is read leniently; GIFTI 1.0 allows UINT8, INT32 and FLOAT32, and other readers may refuse it");
        }
        bool externalSound = true;
        if (encoding == GiftiEncoding.ExternalFileBinary)
        {
            string? externalName = ((string?)element.Attribute("ExternalFileName"))?.Trim();
            if (!string.IsNullOrEmpty(externalName))
            {
                _externalFiles.Add(externalName);
            }
            else
            {
                Add(GiftiRules.ExternalFile, arrayPath, "an ExternalFileBinary array needs ExternalFileName");
                externalSound = false;
            }
            string offset = ((string?)element.Attribute("ExternalFileOffset"))?.Trim() ?? "";
            if (offset.Length > 0 && !long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Add(GiftiRules.ExternalFile, arrayPath, $"ExternalFileOffset is \"{offset}\", not a non-negative integer");
                externalSound = false;
            }
        }

        // Section 2.0 (and the DTD): MetaData?, CoordinateSystemTransformMatrix*, Data.
        int stage = 0;
        XElement? data = null;
        string dataPath = arrayPath + "/Data";
        foreach ((XElement child, string childPath) in Children(element, arrayPath))
        {
            string name = child.Name.LocalName;
            if (name == "MetaData" && stage < 1)
            {
                stage = 1;
                CheckMetaData(child, childPath);
            }
            else if (name == "CoordinateSystemTransformMatrix" && stage < 3)
            {
                stage = 2;
                entry.TransformCount++;
                CheckTransform(child, childPath, entry.Intent);
            }
            else if (name == "Data" && stage < 3)
            {
                stage = 3;
                data = child;
                dataPath = childPath;
                TextOnly(child, childPath);
            }
            else
            {
                Add(GiftiRules.ElementContent, childPath, $"<{name}> is not expected here; DataArray holds MetaData?, CoordinateSystemTransformMatrix*, Data in that order");
            }
        }
        if (data is null)
        {
            Add(GiftiRules.ElementContent, arrayPath, "DataArray has no Data element");
            return;
        }
        if (entry.Intent is null || entry.DataType is null || entry.Order is null || encoding is null || endian is null || entry.Dims is null || !externalSound || data.HasElements)
        {
            return;
        }
        Decode(element, data, dataPath, entry);
    }

    /// <summary>
    /// Decodes one array through the reference reader: a document holding only this DataArray's
    /// attributes and Data, so the reader's first exception is this array's payload finding.
    /// </summary>
    private void Decode(XElement element, XElement data, string dataPath, GiftiArrayEntry entry)
    {
        var single = new XElement("GIFTI",
            new XAttribute("Version", "1.0"),
            new XAttribute("NumberOfDataArrays", "1"),
            new XElement("DataArray", element.Attributes(), new XElement("Data", data.Value)));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(single.ToString(SaveOptions.DisableFormatting)), writable: false);
        try
        {
            GiftiImage image = GiftiReader.Read(stream, _key, Path.GetDirectoryName(Path.GetFullPath(path)), limits);
            entry.Decoded = image.DataArrays[0];
            ArraysDecoded++;
            if (entry.Decoded.GzipWrapped)
            {
                Add(GiftiValidatorRules.ZlibNotGzip, dataPath, "the payload is a gzip member; GIFTI readers expect a zlib stream, as every producer writes");
            }
        }
        catch (ConformanceException e)
        {
            sink.Add(e, new DiagnosticLocation(_key, dataPath));
        }
    }

    private void CheckTransform(XElement transform, string transformPath, GiftiIntent? intent)
    {
        NoText(transform, transformPath);
        if (intent is GiftiIntent owner && owner != GiftiIntent.PointSet)
        {
            Add(GiftiValidatorRules.TransformOnPointSetOnly, transformPath, $"a {GiftiNames.Of(owner)} array carries a CoordinateSystemTransformMatrix, which GIFTI uses for point sets only");
        }
        string[] parts = [.. transform.Elements().Select(e => e.Name.LocalName)];
        if (parts is not ["DataSpace", "TransformedSpace", "MatrixData"])
        {
            Add(GiftiRules.TransformContent, transformPath, $"the transform holds {(parts.Length == 0 ? "nothing" : string.Join(", ", parts))}; it needs DataSpace, TransformedSpace, MatrixData in that order");
        }
        foreach ((XElement part, string partPath) in Children(transform, transformPath))
        {
            TextOnly(part, partPath);
            string name = part.Name.LocalName;
            if (name is "DataSpace" or "TransformedSpace" && !part.HasElements && !Spaces.Contains(part.Value.Trim()))
            {
                Add(GiftiValidatorRules.TransformSpace, partPath, $"{name} \"{part.Value.Trim()}\" is not one of the NIFTI_XFORM_* spaces GIFTI names");
            }
            if (name == "MatrixData" && !part.HasElements)
            {
                string[] tokens = part.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length != 16 || !tokens.All(IsNumber))
                {
                    Add(GiftiRules.TransformContent, partPath, $"MatrixData holds {tokens.Length} tokens; it needs 16 numbers");
                }
            }
        }
    }

    private static bool IsNumber(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || token.TrimStart('+', '-').ToLowerInvariant() is "nan" or "inf" or "infinity";

    private int[]? Dims(XElement element, string arrayPath)
    {
        string? text = (string?)element.Attribute("Dimensionality");
        if (text is null)
        {
            Add(GiftiRules.RequiredAttribute, arrayPath, "DataArray has no Dimensionality attribute");
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int rank) || rank < 1 || rank > 6)
        {
            Add(GiftiRules.Dimensions, arrayPath, $"Dimensionality is \"{text}\", not 1 to 6");
            return null;
        }
        int[] dims = new int[rank];
        bool sound = true;
        for (int i = 0; i < rank; i++)
        {
            string name = "Dim" + i.ToString(CultureInfo.InvariantCulture);
            string? dim = (string?)element.Attribute(name);
            if (dim is null)
            {
                Add(GiftiRules.RequiredAttribute, arrayPath, $"Dimensionality is {rank}, but {name} is missing");
                sound = false;
            }
            else if (!int.TryParse(dim.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1)
            {
                Add(GiftiRules.Dimensions, arrayPath, $"{name} is \"{dim}\", not a positive integer below 2^31");
                sound = false;
            }
        }
        return sound ? dims : null;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private T? Attribute<T>(XElement element, string arrayPath, string name, string rule, TryParse<T> parse)
        where T : struct
    {
        string? text = (string?)element.Attribute(name);
        if (text is null)
        {
            Add(GiftiRules.RequiredAttribute, arrayPath, $"DataArray has no {name} attribute");
            return null;
        }
        if (!parse(text.Trim(), out T value))
        {
            Add(rule, arrayPath, $"{name} \"{text}\" is not a value GIFTI 1.0 names");
            return null;
        }
        return value;
    }

    /// <summary>
    /// The child elements with their paths: list elements always carry an index, others only
    /// when the name repeats among the siblings.
    /// </summary>
    private static IEnumerable<(XElement Element, string Path)> Children(XElement parent, string parentPath)
    {
        Dictionary<string, int> totals = parent.Elements().GroupBy(e => e.Name.LocalName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (XElement child in parent.Elements())
        {
            string name = child.Name.LocalName;
            int n = seen[name] = seen.GetValueOrDefault(name) + 1;
            bool indexed = Repeated.Contains(name) || totals[name] > 1;
            yield return (child, indexed ? $"{parentPath}/{name}[{n.ToString(CultureInfo.InvariantCulture)}]" : $"{parentPath}/{name}");
        }
    }

    /// <summary>Section 2.0 (and the DTD): an element of elements holds no character data.</summary>
    private void NoText(XElement element, string elementPath)
    {
        if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            Add(GiftiRules.ElementContent, elementPath, "character data where only elements are expected");
        }
    }

    /// <summary>Section 2.0 (and the DTD): Data, Label, Name and Value hold character data only.</summary>
    private void TextOnly(XElement element, string elementPath)
    {
        if (element.HasElements)
        {
            Add(GiftiRules.ElementContent, elementPath, $"<{element.Name.LocalName}> holds an element where text is expected");
        }
    }

    private void Add(string rule, string? pointer, string message) => sink.Add(rule, new DiagnosticLocation(_key, pointer), message);

    private void Unsupported(string rule, string? pointer, string message) =>
        sink.Add(rule, new DiagnosticLocation(_key, pointer), "not checked: " + message, Severity.Warning);
}
