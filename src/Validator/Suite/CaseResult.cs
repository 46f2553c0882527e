namespace Conformance.Validator.Suite;

/// <summary>How one case went: its outcome and, unless it passed, a readable account of why.</summary>
public sealed record CaseResult(SuiteCase Case, CaseOutcome Outcome, string Message, TimeSpan Elapsed)
{
    /// <summary>Whether this result fails a run.</summary>
    public bool Breaks => Outcome is CaseOutcome.Fail or CaseOutcome.Error or CaseOutcome.Fixed or CaseOutcome.Stale;
}
