namespace Conformance.Validator.Validation;

/// <summary>Everything a validation run found, in a stable order, with what it looked at.</summary>
public sealed record ValidationReport(string Target, ValidationProfile Profile, bool Deep, IReadOnlyList<Diagnostic> Diagnostics, ValidationStatistics Statistics)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Notes => Diagnostics.Count(d => d.Severity == Severity.Note);

    /// <summary>True when nothing is an error.</summary>
    public bool Passed => Errors == 0;
}
