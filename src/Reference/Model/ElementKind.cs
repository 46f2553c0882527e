namespace Conformance.Reference.Model;

/// <summary>The families of element values the format-neutral model knows.</summary>
public enum ElementKind
{
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float16,
    Float32,
    Float64,
    Complex64,
    Complex128,

    /// <summary>Opaque fixed-size bytes with no byte order.</summary>
    Raw,

    /// <summary>Variable-length Unicode text, held as UTF-8.</summary>
    String,

    /// <summary>Variable-length byte strings.</summary>
    Bytes,
}
