namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>Collects the cases of one area of the Zarr v3 corpus, in the order they are made.</summary>
internal sealed class CaseBuilder(string area)
{
    public const string Corpus = "zarr-v3";

    private readonly List<FixtureCase> _cases = [];

    public IReadOnlyList<FixtureCase> Cases => _cases;

    public FixtureCase Case(string name, string description, string spec, string expect = "valid", string target = "/", string? stage = null, string? rule = null, IEnumerable<string>? warnings = null)
    {
        var fixture = new FixtureCase(Corpus, area, name, description, spec, expect, target, stage, rule is null ? null : [rule], warnings);
        _cases.Add(fixture);
        return fixture;
    }

    /// <summary>A valid case holding one array.</summary>
    public FixtureCase Valid(string name, string description, string spec, FixtureArray array, string path = "/", IEnumerable<string>? warnings = null) =>
        array.AddTo(Case(name, description, spec, warnings: warnings), path);

    /// <summary>A case whose node at <paramref name="target"/> has <paramref name="document"/> as its zarr.json (an object, or the exact bytes).</summary>
    public FixtureCase Bad(string name, string description, string spec, string rule, object document, string expect = "invalid", string stage = "open", string target = "/") =>
        Case(name, description, spec, expect, target, stage, rule).Raw(FixtureCase.Prefix(target) + "zarr.json", document);
}
