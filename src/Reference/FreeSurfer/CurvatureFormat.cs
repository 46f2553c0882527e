namespace Conformance.Reference.FreeSurfer;

/// <summary>The two curvature file layouts.</summary>
public enum CurvatureFormat
{
    /// <summary>Magic 0xFFFFFF, int32 vertex, face and values-per-vertex counts, float32 values.</summary>
    New,

    /// <summary>No magic: 3-byte vertex and face counts, int16 values in hundredths.</summary>
    Old,
}
