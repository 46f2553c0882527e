namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Links into the Zarr v3 specification, with the anchors the cases cite.</summary>
internal static class SpecLinks
{
    public const string Spec = "https://zarr-specs.readthedocs.io/en/latest/v3/";
    public const string CorePage = Spec + "core/";
    public const string DataTypes = Spec + "data-types/";
    public const string Fills = DataTypes + "#permitted-fill-values";
    public const string Regular = Spec + "chunk-grids/regular-grid/#description";
    public const string KeyDefault = Spec + "chunk-key-encodings/default/#description";
    public const string KeyV2 = Spec + "chunk-key-encodings/v2/#description";
    public const string ExtensionDataTypes = DataTypes + "#extensions";
    public const string ExtensionCodecs = Spec + "codecs/#extensions";

    public static string Core(string anchor) => CorePage + "#" + anchor;

    public static string CodecPage(string name, string anchor) => Spec + "codecs/" + name + "/#" + anchor;
}
