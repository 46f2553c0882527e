namespace Conformance.Validator.Validation;

/// <summary>
/// One requirement from the spec catalog (<c>spec/*/rules.json</c>): its stable ID, level as
/// the spec words it (must, should, may), section, whom it binds, link, our paraphrase, and,
/// where the spec contradicts itself or is silent, how we rule.
/// </summary>
public sealed record Rule(string Id, string Level, string Section, string Binds, string Link, string Summary)
{
    /// <summary>How we read a statement the spec contests or leaves open; null when it is plain.</summary>
    public string? Ruling { get; init; }

    /// <summary>True when common readers fail on what the rule flags, so the interoperable profile raises it.</summary>
    public bool Interoperability { get; init; }

    /// <summary>False for a requirement catalogued for completeness that stored data cannot decide (its ruling says why).</summary>
    public bool Checked { get; init; } = true;

    /// <summary>A severity our ruling fixes whatever the level and profile; null to follow the level.</summary>
    public Severity? FixedSeverity { get; init; }

    /// <summary>The severity a finding of this rule has under <paramref name="profile"/>.</summary>
    public Severity SeverityUnder(ValidationProfile profile) => FixedSeverity ?? Level switch
    {
        "must" => Severity.Error,
        "should" when profile == ValidationProfile.Lenient => Severity.Note,
        "should" => Severity.Warning,
        _ when Interoperability && profile == ValidationProfile.Interoperable => Severity.Warning,
        _ => Severity.Note,
    };
}
