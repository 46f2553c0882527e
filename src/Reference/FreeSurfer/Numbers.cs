using System.Globalization;

namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// Numbers in FreeSurfer's text parts (label files, the volume-geometry footer), which FreeSurfer
/// reads with C's sscanf and nibabel with Python's float: the shortest text that reads back to the
/// same value, and the C spellings nan/inf for the values that have no digits.
/// </summary>
internal static class Numbers
{
    public static string Format(float value) => value switch
    {
        float.NaN => "nan",
        float.PositiveInfinity => "inf",
        float.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string text, out float value)
    {
        if (Special(text) is double special)
        {
            value = (float)special;
            return true;
        }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParse(string text, out double value)
    {
        if (Special(text) is double special)
        {
            value = special;
            return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The spellings C's strtod and Python's float accept for NaN and the infinities.</summary>
    private static double? Special(string text) => text.ToLowerInvariant() switch
    {
        "nan" or "+nan" or "-nan" => double.NaN,
        "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => null,
    };

    public static bool TryParse(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
