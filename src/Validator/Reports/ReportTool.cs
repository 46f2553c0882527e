using System.Reflection;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Reports;

/// <summary>What every report says about the tool that wrote it, and the words it uses for the model's enums.</summary>
internal static class ReportTool
{
    public const string Name = "conformance";

    /// <summary>
    /// The project has no home page of its own yet; the spec it checks against is the most
    /// useful place to send a reader of a SARIF log.
    /// </summary>
    public const string InformationUri = "https://zarr-specs.readthedocs.io/en/latest/v3/core/index.html";

    /// <summary>The suite name CI systems show for a clean run.</summary>
    public const string SuiteName = "zarr-v3 conformance";

    public static string Version { get; } =
        typeof(ReportTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportTool).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public static string Word(ValidationProfile profile) => profile switch
    {
        ValidationProfile.Interoperable => "interoperable",
        ValidationProfile.Lenient => "lenient",
        _ => "strict",
    };

    /// <summary>The rules that fired, each once, by ID.</summary>
    public static IReadOnlyList<string> FiredRuleIds(ValidationReport report) =>
        [.. report.Diagnostics.Select(d => d.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A location without its key: what places a finding inside one stored value.</summary>
    public static string? Within(DiagnosticLocation location)
    {
        string text = (location with { Key = null }).ToString();
        return text == "(store)" ? null : text.TrimStart();
    }
}
