namespace Conformance.Validator.Fixtures;

/// <summary>
/// A JSON token written verbatim: numbers whose exact text matters (<c>1e2</c>, <c>-0</c>,
/// <c>0.1</c>), or deliberately broken JSON inside a fixture.
/// </summary>
public sealed record JsonRaw(string Text);
