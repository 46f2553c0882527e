namespace Conformance.Validator.Suite;

/// <summary>An adapter that cannot be used at all: it does not start, or its <c>info</c> is not an answer.</summary>
public sealed class AdapterException(string message) : Exception(message);
