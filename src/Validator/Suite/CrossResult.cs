namespace Conformance.Validator.Suite;

/// <summary>One reader reading back what one writer wrote for a write case.</summary>
public sealed record CrossResult(string Writer, string Reader, SuiteCase Case, CaseOutcome Outcome, string Message);
