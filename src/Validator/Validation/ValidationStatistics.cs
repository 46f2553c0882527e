namespace Conformance.Validator.Validation;

/// <summary>What a validation run read: nodes by kind, keys listed, and chunks decoded in deep mode.</summary>
public sealed record ValidationStatistics(int Groups, int Arrays, long Keys, long ChunksChecked, long BytesChecked);
