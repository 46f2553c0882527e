namespace Conformance.Validator.Suite;

public enum CaseOutcome
{
    Pass,

    /// <summary>The implementation answered, wrongly.</summary>
    Fail,

    /// <summary>The implementation crashed, timed out or answered outside the protocol.</summary>
    Error,

    /// <summary>The case needs a feature the adapter does not claim.</summary>
    Skip,

    /// <summary>Failed or errored as the adapter's known-deviations list says it does.</summary>
    Known,

    /// <summary>Listed as a known deviation but passed: the list must shrink, so this fails the run.</summary>
    Fixed,

    /// <summary>Listed as a known deviation but skipped: the list names what is not tested, so this fails the run.</summary>
    Stale,
}
