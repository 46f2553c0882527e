namespace Conformance.Reference.Conversion;

/// <summary>How far a conversion is: elements copied of all arrays' elements, and the array being copied.</summary>
public readonly record struct ConversionProgress(long ElementsDone, long ElementsTotal, string CurrentPath);
