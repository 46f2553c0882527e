using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>
/// The report as a SARIF 2.1.0 log in the subset GitHub code scanning accepts: one run whose
/// driver lists each rule that fired (summary, link as <c>helpUri</c>, default level under the
/// report's profile), and one result per finding.
/// </summary>
/// <remarks>
/// <para>
/// Code scanning rejects a result without <c>physicalLocation.artifactLocation.uri</c>, or with
/// an empty one, and does not support <c>originalUriBaseIds</c>; it makes a relative URI
/// relative to the repository root. So the URI is the store key under the target as named:
/// <c>data/a.zarr/a/zarr.json</c> for a relative directory, a <c>file://</c> URI for an absolute
/// one (which the upload makes relative to the checkout), the archive itself for a .zip file
/// (its keys are not files in the repository), and the bare key for an http(s) store (a remote
/// URI does not match the checkout). A finding with no key points at the target.
/// </para>
/// <para>
/// Metadata documents have no line numbers we track and SARIF regions count lines or bytes in
/// text, so no result has a region. The JSON pointer goes in a logical location and the
/// message; key, pointer, chunk index and byte range go in <c>properties</c>. Each result has a
/// <c>partialFingerprints</c> entry made from rule, location and message, so an alert keeps its
/// identity across runs without line hashes, and two findings at one place stay two alerts.
/// </para>
/// <see href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</see>
/// </remarks>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static Task WriteAsync(ValidationReport report, RuleCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        return ReportJson.WriteAsync(output, writer => Write(writer, report, catalog), cancellationToken);
    }

    private static void Write(Utf8JsonWriter writer, ValidationReport report, RuleCatalog catalog)
    {
        IReadOnlyList<string> fired = ReportTool.FiredRuleIds(report);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fired.Count; i++)
        {
            ruleIndex[fired[i]] = i;
        }

        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", ReportTool.Name);
        writer.WriteString("version", ReportTool.Version);
        writer.WriteString("informationUri", ReportTool.InformationUri);
        writer.WriteStartArray("rules");
        foreach (string id in fired)
        {
            WriteRule(writer, id, catalog.Find(id), report.Profile);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        foreach (Diagnostic diagnostic in report.Diagnostics)
        {
            WriteResult(writer, diagnostic, ruleIndex[diagnostic.RuleId], report.Target);
        }
        writer.WriteEndArray();

        writer.WriteStartObject("properties");
        writer.WriteString("target", report.Target);
        writer.WriteString("profile", ReportTool.Word(report.Profile));
        writer.WriteBoolean("deep", report.Deep);
        writer.WriteEndObject();

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, string id, Rule? rule, ValidationProfile profile)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        // SARIF's name is meant to be readable, and the rule ID is what code, catalog and fixtures all say.
        writer.WriteString("name", id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", rule?.Summary ?? id + " (not in the rule catalog)");
        writer.WriteEndObject();
        if (rule is not null)
        {
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", FullDescription(rule));
            writer.WriteEndObject();
            writer.WriteString("helpUri", rule.Link);
            writer.WriteStartObject("help");
            writer.WriteString("text", rule.Section + ": " + rule.Link);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", ReportTool.Word(rule?.SeverityUnder(profile) ?? Severity.Error));
        writer.WriteEndObject();
        if (rule is not null)
        {
            writer.WriteStartObject("properties");
            writer.WriteString("level", rule.Level);
            writer.WriteString("section", rule.Section);
            writer.WriteString("binds", rule.Binds);
            writer.WriteStartArray("tags");
            writer.WriteStringValue("zarr");
            writer.WriteStringValue(rule.Binds);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string FullDescription(Rule rule)
    {
        var text = new StringBuilder();
        text.Append(rule.Summary).Append(" (").Append(rule.Level).Append("; ").Append(rule.Section).Append(')');
        if (rule.Ruling is not null)
        {
            text.Append(" Ruling: ").Append(rule.Ruling);
        }
        return text.ToString();
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, int ruleIndex, string target)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.RuleId);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", ReportTool.Word(diagnostic.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", location.Pointer is null && location.Chunk is null && location.ByteStart is null
            ? diagnostic.Message
            : diagnostic.Message + " (at " + location + ")");
        writer.WriteEndObject();

        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ArtifactUri(target, location.Key));
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (location.Pointer is not null)
        {
            writer.WriteStartArray("logicalLocations");
            writer.WriteStartObject();
            writer.WriteString("name", location.Pointer);
            writer.WriteString("fullyQualifiedName", (location.Key ?? "") + "#" + location.Pointer);
            writer.WriteString("kind", "element");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("conformanceLocation/v1", Fingerprint(diagnostic.RuleId + "\n" + location + "\n" + diagnostic.Message));
        writer.WriteEndObject();

        writer.WriteStartObject("properties");
        ReportJson.WriteLocationMembers(writer, location, "byteStart", "byteLength");
        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    /// <summary>Where code scanning should file a finding; see the remarks on this type.</summary>
    internal static string ArtifactUri(string target, string? key)
    {
        string escapedKey = key is null ? "" : EscapePath(key);
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return key is null || key.Length == 0 ? "zarr.json" : escapedKey;
        }
        string store = target.Replace('\\', '/');
        bool archive = store.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (Path.IsPathFullyQualified(target))
        {
            var uri = new Uri(Path.GetFullPath(target));
            string root = uri.AbsoluteUri.TrimEnd('/');
            return archive || escapedKey.Length == 0 ? root : root + "/" + escapedKey;
        }
        string relative = EscapePath(store.TrimEnd('/'));
        if (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }
        if (archive || escapedKey.Length == 0)
        {
            return relative.Length == 0 || relative == "." ? "zarr.json" : relative;
        }
        return relative.Length == 0 || relative == "." ? escapedKey : relative + "/" + escapedKey;
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
