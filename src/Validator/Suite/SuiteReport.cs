namespace Conformance.Validator.Suite;

/// <summary>
/// What a run found (spec/suite-result.schema.json): the implementations, the cases, each
/// implementation's result per case, and for a matrix each writer × reader result; plus what
/// made a run fail outside any case (deviations naming cases that do not exist).
/// </summary>
public sealed record SuiteReport(
    IReadOnlyList<AdapterInfo> Implementations,
    IReadOnlyList<SuiteCase> Cases,
    IReadOnlyList<(string Implementation, CaseResult Result)> Results,
    IReadOnlyList<CrossResult> Cross,
    IReadOnlyList<string> Problems)
{
    /// <summary>Whether the run passes: no case failed, errored or is fixed or stale, and nothing else went wrong.</summary>
    public bool Passed => Problems.Count == 0 && !Results.Any(r => r.Result.Breaks);

    public int Count(string implementation, CaseOutcome outcome) => Results.Count(r => r.Implementation == implementation && r.Result.Outcome == outcome);
}
