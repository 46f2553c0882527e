using System.Collections.Frozen;

namespace Conformance.Reference.Gifti;

/// <summary>
/// The attribute strings GIFTI 1.0 uses for its enumerations (section 2.0, DataArray) and the
/// element sizes of the data types.
/// </summary>
public static class GiftiNames
{
    private static readonly FrozenDictionary<GiftiIntent, string> IntentNames = new Dictionary<GiftiIntent, string>
    {
        [GiftiIntent.None] = "NIFTI_INTENT_NONE",
        [GiftiIntent.Correl] = "NIFTI_INTENT_CORREL",
        [GiftiIntent.TTest] = "NIFTI_INTENT_TTEST",
        [GiftiIntent.FTest] = "NIFTI_INTENT_FTEST",
        [GiftiIntent.ZScore] = "NIFTI_INTENT_ZSCORE",
        [GiftiIntent.ChiSq] = "NIFTI_INTENT_CHISQ",
        [GiftiIntent.Beta] = "NIFTI_INTENT_BETA",
        [GiftiIntent.Binom] = "NIFTI_INTENT_BINOM",
        [GiftiIntent.Gamma] = "NIFTI_INTENT_GAMMA",
        [GiftiIntent.Poisson] = "NIFTI_INTENT_POISSON",
        [GiftiIntent.Normal] = "NIFTI_INTENT_NORMAL",
        [GiftiIntent.FTestNonc] = "NIFTI_INTENT_FTEST_NONC",
        [GiftiIntent.ChiSqNonc] = "NIFTI_INTENT_CHISQ_NONC",
        [GiftiIntent.Logistic] = "NIFTI_INTENT_LOGISTIC",
        [GiftiIntent.Laplace] = "NIFTI_INTENT_LAPLACE",
        [GiftiIntent.Uniform] = "NIFTI_INTENT_UNIFORM",
        [GiftiIntent.TTestNonc] = "NIFTI_INTENT_TTEST_NONC",
        [GiftiIntent.Weibull] = "NIFTI_INTENT_WEIBULL",
        [GiftiIntent.Chi] = "NIFTI_INTENT_CHI",
        [GiftiIntent.InvGauss] = "NIFTI_INTENT_INVGAUSS",
        [GiftiIntent.ExtVal] = "NIFTI_INTENT_EXTVAL",
        [GiftiIntent.PVal] = "NIFTI_INTENT_PVAL",
        [GiftiIntent.LogPVal] = "NIFTI_INTENT_LOGPVAL",
        [GiftiIntent.Log10PVal] = "NIFTI_INTENT_LOG10PVAL",
        [GiftiIntent.Estimate] = "NIFTI_INTENT_ESTIMATE",
        [GiftiIntent.Label] = "NIFTI_INTENT_LABEL",
        [GiftiIntent.NeuroName] = "NIFTI_INTENT_NEURONAME",
        [GiftiIntent.GenMatrix] = "NIFTI_INTENT_GENMATRIX",
        [GiftiIntent.SymMatrix] = "NIFTI_INTENT_SYMMATRIX",
        [GiftiIntent.DispVect] = "NIFTI_INTENT_DISPVECT",
        [GiftiIntent.Vector] = "NIFTI_INTENT_VECTOR",
        [GiftiIntent.PointSet] = "NIFTI_INTENT_POINTSET",
        [GiftiIntent.Triangle] = "NIFTI_INTENT_TRIANGLE",
        [GiftiIntent.Quaternion] = "NIFTI_INTENT_QUATERNION",
        [GiftiIntent.Dimless] = "NIFTI_INTENT_DIMLESS",
        [GiftiIntent.TimeSeries] = "NIFTI_INTENT_TIME_SERIES",
        [GiftiIntent.NodeIndex] = "NIFTI_INTENT_NODE_INDEX",
        [GiftiIntent.RgbVector] = "NIFTI_INTENT_RGB_VECTOR",
        [GiftiIntent.RgbaVector] = "NIFTI_INTENT_RGBA_VECTOR",
        [GiftiIntent.Shape] = "NIFTI_INTENT_SHAPE",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, GiftiIntent> IntentsByName =
        IntentNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<GiftiDataType, string> DataTypeNames = new Dictionary<GiftiDataType, string>
    {
        [GiftiDataType.UInt8] = "NIFTI_TYPE_UINT8",
        [GiftiDataType.Int16] = "NIFTI_TYPE_INT16",
        [GiftiDataType.Int32] = "NIFTI_TYPE_INT32",
        [GiftiDataType.Float32] = "NIFTI_TYPE_FLOAT32",
        [GiftiDataType.Float64] = "NIFTI_TYPE_FLOAT64",
        [GiftiDataType.Int8] = "NIFTI_TYPE_INT8",
        [GiftiDataType.UInt16] = "NIFTI_TYPE_UINT16",
        [GiftiDataType.UInt32] = "NIFTI_TYPE_UINT32",
        [GiftiDataType.Int64] = "NIFTI_TYPE_INT64",
        [GiftiDataType.UInt64] = "NIFTI_TYPE_UINT64",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, GiftiDataType> DataTypesByName =
        DataTypeNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(GiftiIntent intent) => IntentNames[intent];

    public static string Of(GiftiDataType dataType) => DataTypeNames[dataType];

    public static string Of(ArrayIndexingOrder order) => order == ArrayIndexingOrder.RowMajor ? "RowMajorOrder" : "ColumnMajorOrder";

    public static string Of(GiftiEndian endian) => endian == GiftiEndian.Little ? "LittleEndian" : "BigEndian";

    public static string Of(GiftiEncoding encoding) => encoding switch
    {
        GiftiEncoding.Ascii => "ASCII",
        GiftiEncoding.Base64Binary => "Base64Binary",
        GiftiEncoding.GZipBase64Binary => "GZipBase64Binary",
        _ => "ExternalFileBinary",
    };

    public static bool TryIntent(string name, out GiftiIntent intent) => IntentsByName.TryGetValue(name, out intent);

    public static bool TryDataType(string name, out GiftiDataType dataType) => DataTypesByName.TryGetValue(name, out dataType);

    public static bool TryOrder(string name, out ArrayIndexingOrder order)
    {
        order = name == "ColumnMajorOrder" ? ArrayIndexingOrder.ColumnMajor : ArrayIndexingOrder.RowMajor;
        return name is "RowMajorOrder" or "ColumnMajorOrder";
    }

    public static bool TryEndian(string name, out GiftiEndian endian)
    {
        endian = name == "BigEndian" ? GiftiEndian.Big : GiftiEndian.Little;
        return name is "BigEndian" or "LittleEndian";
    }

    public static bool TryEncoding(string name, out GiftiEncoding encoding)
    {
        (bool known, encoding) = name switch
        {
            "ASCII" => (true, GiftiEncoding.Ascii),
            "Base64Binary" => (true, GiftiEncoding.Base64Binary),
            "GZipBase64Binary" => (true, GiftiEncoding.GZipBase64Binary),
            "ExternalFileBinary" => (true, GiftiEncoding.ExternalFileBinary),
            _ => (false, GiftiEncoding.Ascii),
        };
        return known;
    }

    /// <summary>Whether GIFTI 1.0 itself allows the type (UINT8, INT32, FLOAT32); the rest are NIfTI types some writers use.</summary>
    public static bool IsSpecDataType(GiftiDataType dataType) =>
        dataType is GiftiDataType.UInt8 or GiftiDataType.Int32 or GiftiDataType.Float32;

    /// <summary>Bytes per element.</summary>
    public static int SizeOf(GiftiDataType dataType) => dataType switch
    {
        GiftiDataType.UInt8 or GiftiDataType.Int8 => 1,
        GiftiDataType.Int16 or GiftiDataType.UInt16 => 2,
        GiftiDataType.Int32 or GiftiDataType.UInt32 or GiftiDataType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The element type of the format-neutral model that holds a GIFTI data type's values.</summary>
    public static Model.ElementType ElementTypeOf(GiftiDataType type) => type switch
    {
        GiftiDataType.UInt8 => Model.ElementType.UInt8,
        GiftiDataType.Int8 => Model.ElementType.Int8,
        GiftiDataType.Int16 => Model.ElementType.Int16,
        GiftiDataType.UInt16 => Model.ElementType.UInt16,
        GiftiDataType.Int32 => Model.ElementType.Int32,
        GiftiDataType.UInt32 => Model.ElementType.UInt32,
        GiftiDataType.Int64 => Model.ElementType.Int64,
        GiftiDataType.UInt64 => Model.ElementType.UInt64,
        GiftiDataType.Float32 => Model.ElementType.Float32,
        GiftiDataType.Float64 => Model.ElementType.Float64,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
