namespace Conformance.Validator.Validation;

/// <summary>One finding: which rule, how much it matters, where, and what was found.</summary>
public sealed record Diagnostic(string RuleId, Severity Severity, DiagnosticLocation Location, string Message);
