namespace Conformance.Validator.Suite;

/// <summary>What a suite case asks of an implementation (spec/adapter-protocol.md, "Cases").</summary>
public enum SuiteCaseKind
{
    /// <summary>Read a valid store's arrays and print the expected values.</summary>
    Read,

    /// <summary>Refuse to open or read a store that breaks the spec.</summary>
    MustFail,

    /// <summary>Write an array from its metadata and values; the result must validate and read back.</summary>
    Write,

    /// <summary>Judge a store valid or not as the manifest says.</summary>
    Validate,
}
