namespace Conformance.Reference.FreeSurfer;

/// <summary>One line of a label file: a vertex number (-1 for a point with no vertex), its position and a value.</summary>
public readonly record struct LabelPoint(int Vertex, float X, float Y, float Z, float Value);
