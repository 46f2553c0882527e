namespace Conformance.Validator;

/// <summary>Bad input to the tool itself (a path that is not there, an option that does not fit), as opposed to a bad file.</summary>
public sealed class UsageException(string message) : Exception(message);
