using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Validator.Suite;

/// <summary>
/// The offline compatibility matrix: one HTML page with the suite result embedded as JSON and a
/// small script that draws it, so the page opens from <c>file://</c> with no network.
/// </summary>
/// <remarks>The data follows <c>spec/suite-result.schema.json</c>; the template is <c>MatrixPage.html</c>.</remarks>
public static partial class MatrixPage
{
    private const string TemplateResource = "suite/matrix-page.html";

    private static readonly Lazy<string> Template = new(LoadTemplate);

    /// <summary>The page for <paramref name="result"/>, a suite result object, headed by <paramref name="title"/>.</summary>
    public static string Render(JsonElement result, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("a suite result is a JSON object", nameof(result));
        }

        string encodedTitle = WebUtility.HtmlEncode(title);
        // Inside <script> the HTML parser ends the element at "</script" and treats "<!--" specially,
        // whatever the JSON means; "<" only occurs inside JSON strings, where \u003c reads back the same.
        string data = result.GetRawText().Replace("<", "\\u003c", StringComparison.Ordinal);
        // One pass, so a title or message that happens to contain a placeholder is left as it is.
        return Placeholder().Replace(Template.Value, match => match.Groups[1].Value == "TITLE" ? encodedTitle : data);
    }

    [GeneratedRegex(@"\{\{(TITLE|DATA)\}\}")]
    private static partial Regex Placeholder();

    private static string LoadTemplate()
    {
        using Stream stream = typeof(MatrixPage).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"resource {TemplateResource} is missing from {typeof(MatrixPage).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
