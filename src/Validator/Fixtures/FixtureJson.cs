using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Conformance.Validator.Fixtures;

/// <summary>
/// Writes fixture documents (<c>zarr.json</c>, <c>case.json</c>) in one stable layout, so a
/// regeneration gives the same bytes: two-space indents, one member per line, and lists of
/// scalars (or of lists of scalars) on one line when that line stays within 100 characters.
/// Values are null, bool, integers (any width), strings, <see cref="JsonRaw"/>,
/// <see cref="JsonMembers"/> and lists. Floating-point values are refused: their text must be
/// chosen exactly, as a <see cref="JsonRaw"/>.
/// </summary>
public static class FixtureJson
{
    private const int LineLimit = 100;

    /// <summary>The document as UTF-8 with a final newline.</summary>
    public static byte[] Bytes(object? value) => Encoding.UTF8.GetBytes(Text(value) + "\n");

    public static string Text(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, int level)
    {
        string pad = new(' ', 2 * (level + 1));
        string end = new(' ', 2 * level);
        switch (value)
        {
            case JsonMembers members:
                if (members.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }
                builder.Append("{\n");
                bool first = true;
                foreach ((string name, object? member) in members)
                {
                    builder.Append(first ? "" : ",\n").Append(pad);
                    first = false;
                    WriteString(builder, name);
                    builder.Append(": ");
                    Write(builder, member, level + 1);
                }
                builder.Append('\n').Append(end).Append('}');
                return;
            case IList list when value is not byte[]:
                if (list.Count == 0)
                {
                    builder.Append("[]");
                    return;
                }
                if (list.Cast<object?>().All(x => IsScalar(x) || (x is IList inner and not byte[] && inner.Cast<object?>().All(IsScalar))))
                {
                    string inline = "[" + string.Join(", ", list.Cast<object?>().Select(x =>
                    {
                        var item = new StringBuilder();
                        Write(item, x, level + 1);
                        return item.ToString();
                    })) + "]";
                    if (CodePoints(inline) + pad.Length <= LineLimit)
                    {
                        builder.Append(inline);
                        return;
                    }
                }
                builder.Append("[\n");
                for (int i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",\n").Append(pad);
                    Write(builder, list[i], level + 1);
                }
                builder.Append('\n').Append(end).Append(']');
                return;
            default:
                WriteScalar(builder, value);
                return;
        }
    }

    private static bool IsScalar(object? value) => value is not (JsonMembers or IList) || value is byte[];

    private static int CodePoints(string text) => text.Length - text.Count(char.IsLowSurrogate);

    private static void WriteScalar(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case JsonRaw raw:
                builder.Append(raw.Text);
                break;
            case string s:
                WriteString(builder, s);
                break;
            case int or long or uint or ulong or short or ushort or byte or sbyte or BigInteger:
                builder.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"no fixed JSON text for a {value.GetType().Name}; write numbers that are not integers as JsonRaw", nameof(value));
        }
    }

    /// <summary>A JSON string with only what JSON requires escaped; non-ASCII text is kept as it is.</summary>
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }
}
