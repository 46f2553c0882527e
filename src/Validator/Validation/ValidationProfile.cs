namespace Conformance.Validator.Validation;

/// <summary>
/// How severities are set. Every profile reports every finding and keeps a requirement
/// ("must") an error; profiles differ only in how recommendations and interoperability
/// concerns count.
/// </summary>
public enum ValidationProfile
{
    /// <summary>Everything the spec says: "should" is a warning, "may" a note.</summary>
    Strict,

    /// <summary>Strict, and what widely used readers fail on is a warning too.</summary>
    Interoperable,

    /// <summary>Only requirements count: "should" and interoperability findings are notes.</summary>
    Lenient,
}
