namespace Conformance.Reference.FreeSurfer;

/// <summary>The three binary surface layouts, told apart by their 3-byte magic number.</summary>
public enum SurfaceFormat
{
    /// <summary>Magic 0xFFFFFE: a "created by" line, int32 counts, float32 coordinates, int32 triangles, footer tags.</summary>
    Triangle,

    /// <summary>Magic 0xFFFFFF: 3-byte counts, int16 coordinates in hundredths of a millimetre, 3-byte quad indices.</summary>
    Quad,

    /// <summary>Magic 0xFFFFFD: as <see cref="Quad"/> but with float32 coordinates.</summary>
    NewQuad,
}
