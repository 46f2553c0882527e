namespace Conformance.Reference.FreeSurfer;

/// <summary>The two binary colour-table layouts an annotation may carry (utils/colortab.cpp).</summary>
public enum ColorTableLayout
{
    /// <summary>The first int32 is the entry count; entries follow in index order without their index.</summary>
    Old,

    /// <summary>The first int32 is -2; then the table size, the source file name, and indexed entries (CTABwriteIntoBinaryV2).</summary>
    Version2,
}
