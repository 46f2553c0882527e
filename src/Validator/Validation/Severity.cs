namespace Conformance.Validator.Validation;

/// <summary>How much a finding matters; a profile maps each rule's level to one.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a run.</summary>
    Note,

    /// <summary>Against a recommendation, or trouble for some readers; fails a run only when warnings are errors.</summary>
    Warning,

    /// <summary>Against a requirement: the store is not conforming.</summary>
    Error,
}
