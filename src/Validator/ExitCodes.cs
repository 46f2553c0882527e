namespace Conformance.Validator;

/// <summary>Process exit codes, stable for CI scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input breaks a rule or uses an unsupported feature; stderr names the rule and location.</summary>
    public const int InputRejected = 1;

    /// <summary>The command line or the path was wrong (missing file, unknown option), or the store could not be reached.</summary>
    public const int UsageError = 2;
}
