namespace Conformance.Reference.Gifti;

/// <summary>
/// Rule IDs of the GIFTI 1.0 requirements the reference enforces. Each ID is described in
/// <c>spec/gifti/rules.json</c> (level, section, link, paraphrase); tests check that every ID
/// here is catalogued there.
/// </summary>
public static class GiftiRules
{
    // The file as XML.
    public const string WellFormedXml = "GIFTI-XML-001";
    public const string NoInternalDtd = "GIFTI-XML-002";

    // Section 2.0, the GIFTI element and its children.
    public const string RootElement = "GIFTI-STRUCT-001";
    public const string Version = "GIFTI-STRUCT-002";
    public const string NumberOfDataArrays = "GIFTI-STRUCT-003";
    public const string ElementContent = "GIFTI-STRUCT-004";
    public const string MetaDataEntry = "GIFTI-STRUCT-005";

    // Section 2.0, LabelTable and Label.
    public const string LabelKey = "GIFTI-LABEL-001";
    public const string LabelColor = "GIFTI-LABEL-002";

    // Section 2.0, DataArray attributes.
    public const string RequiredAttribute = "GIFTI-DA-001";
    public const string Intent = "GIFTI-DA-002";
    public const string DataType = "GIFTI-DA-003";
    public const string ArrayIndexingOrder = "GIFTI-DA-004";
    public const string Dimensions = "GIFTI-DA-005";
    public const string Encoding = "GIFTI-DA-006";
    public const string Endian = "GIFTI-DA-007";
    public const string ExternalFile = "GIFTI-DA-008";

    // Section 2.0, CoordinateSystemTransformMatrix.
    public const string TransformContent = "GIFTI-XFORM-001";

    // Sections 4.0 and 5.0, the Data element.
    public const string AsciiData = "GIFTI-DATA-001";
    public const string Base64Data = "GIFTI-DATA-002";
    public const string CompressedData = "GIFTI-DATA-003";
    public const string ExternalData = "GIFTI-DATA-004";
    public const string ElementCount = "GIFTI-DATA-005";

    // What this implementation holds in memory.
    public const string FileTooLarge = "GIFTI-LIMIT-001";
    public const string ArrayTooLarge = "GIFTI-LIMIT-002";
}
