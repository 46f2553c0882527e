namespace Conformance.Reference.Conversion;

/// <summary>What a conversion wrote, and the source nodes it could not read, each with the error.</summary>
public sealed record ConversionSummary(int Groups, int Arrays, long Elements, IReadOnlyList<ConformanceException> Failures);
