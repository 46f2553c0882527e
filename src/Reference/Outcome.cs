namespace Conformance.Reference;

/// <summary>How a <see cref="ConformanceException"/> is to be read.</summary>
public enum Outcome
{
    /// <summary>The input breaks a requirement of the spec.</summary>
    Invalid,

    /// <summary>The input may be valid, but uses a feature this implementation does not support.</summary>
    Unsupported,

    /// <summary>
    /// The input could not be read at all (a remote store kept failing or refused the request),
    /// so nothing is said about whether it is valid.
    /// </summary>
    Unavailable,
}
