using System.Globalization;

namespace Conformance.Reference.Gifti;

/// <summary>Numbers as GIFTI text holds them (ASCII Data, MatrixData).</summary>
internal static class GiftiText
{
    /// <summary>
    /// Parses a decimal number, also taking the nan/inf spellings C's printf and numpy write,
    /// which .NET alone does not.
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<char> token, out double value)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        ReadOnlySpan<char> body = token.TrimStart("+-");
        bool negative = token.Length > 0 && token[0] == '-';
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return token.Length - body.Length <= 1;
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return token.Length - body.Length <= 1;
        }
        return false;
    }

    public static bool TryParseSingle(ReadOnlySpan<char> token, out float value)
    {
        if (float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        bool ok = TryParseDouble(token, out double wide);
        value = (float)wide;
        return ok;
    }

    /// <summary>Shortest text that parses back to the same float; non-finite values in the C spelling.</summary>
    public static string Format(float value) => float.IsNaN(value) ? "nan"
        : float.IsPositiveInfinity(value) ? "inf"
        : float.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Shortest text that parses back to the same double; non-finite values in the C spelling.</summary>
    public static string Format(double value) => double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
