namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// One structure of a colour table: its index, name, colour and transparency (255 minus alpha,
/// as colortab.cpp stores it).
/// </summary>
public sealed record ColorTableEntry(int Index, string Name, int Red, int Green, int Blue, int Transparency)
{
    /// <summary>
    /// The value vertices of this structure carry in an annotation: the colour packed as
    /// red + green·2⁸ + blue·2¹⁶ (colortab.cpp CTABannotationAtIndex; transparency is not part of it).
    /// </summary>
    public int Annotation => Red + (Green << 8) + (Blue << 16);
}
