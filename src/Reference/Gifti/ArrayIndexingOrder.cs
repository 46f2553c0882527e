namespace Conformance.Reference.Gifti;

/// <summary>How the elements of a DataArray are laid out (section 2.0, DataArray, ArrayIndexingOrder).</summary>
public enum ArrayIndexingOrder
{
    /// <summary><c>RowMajorOrder</c>: the last dimension varies fastest.</summary>
    RowMajor,

    /// <summary><c>ColumnMajorOrder</c>: the first dimension varies fastest.</summary>
    ColumnMajor,
}
