using Conformance.Reference;

namespace Conformance.Validator.Validation;

/// <summary>
/// Collects findings from any thread, dropping rules the options leave out and setting each
/// finding's severity from its rule's level under the profile.
/// </summary>
internal sealed class DiagnosticSink(ValidationOptions options)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public void Add(string ruleId, DiagnosticLocation location, string message, Severity? severity = null)
    {
        if (!options.Reports(ruleId))
        {
            return;
        }
        Severity actual = severity ?? options.Catalog.Find(ruleId)?.SeverityUnder(options.Profile) ?? Severity.Error;
        lock (_diagnostics)
        {
            _diagnostics.Add(new Diagnostic(ruleId, actual, location, message));
        }
    }

    /// <summary>
    /// A reader exception as a finding. Input the reference declines (an extension it does not
    /// implement, a size beyond its limits) is not a violation: it is a warning that the part
    /// could not be checked.
    /// </summary>
    public void Add(ConformanceException e, DiagnosticLocation? location = null)
    {
        location ??= DiagnosticLocation.FromReader(e.Location);
        if (e.Outcome == Outcome.Invalid)
        {
            Add(e.RuleId, location, e.Message);
        }
        else
        {
            Add(e.RuleId, location, "not checked: " + e.Message, Severity.Warning);
        }
    }

    /// <summary>The findings by location, then rule.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_diagnostics)
        {
            return [.. _diagnostics
                .OrderBy(d => d.Location.Key ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Location.Chunk is null ? "" : string.Join(",", d.Location.Chunk.Select(i => i.ToString("D20", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
                .ThenBy(d => d.Location.Pointer ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.RuleId, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
