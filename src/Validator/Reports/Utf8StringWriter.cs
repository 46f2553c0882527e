using System.Globalization;
using System.Text;

namespace Conformance.Validator.Reports;

/// <summary>A string writer that declares UTF-8, so an XML declaration says what the output will be encoded as.</summary>
internal sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => Encoding.UTF8;
}
