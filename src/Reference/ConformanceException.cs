namespace Conformance.Reference;

/// <summary>
/// The one exception the reference readers and writers throw for bad input. It carries the
/// rule ID of the requirement that was broken (the same ID the validator reports and
/// <c>spec/</c> catalogs) and the location (store key, file offset, tree path) where it was
/// found.
/// </summary>
public sealed class ConformanceException : Exception
{
    public ConformanceException(string ruleId, string location, string message, Outcome outcome = Outcome.Invalid, Exception? inner = null)
        : base(message, inner)
    {
        RuleId = ruleId;
        Location = location;
        Outcome = outcome;
    }

    /// <summary>Stable ID of the violated rule, e.g. <c>ZARR-META-003</c>.</summary>
    public string RuleId { get; }

    /// <summary>Where the problem is: a store key, optionally followed by a JSON pointer.</summary>
    public string Location { get; }

    /// <summary>Whether the input is invalid per spec or valid but not supported by us.</summary>
    public Outcome Outcome { get; }

    /// <summary>One line: rule, location and message.</summary>
    public override string ToString() => $"{RuleId} at {Location}: {Message}";
}
