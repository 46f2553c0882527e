using System.Globalization;

namespace Conformance.Reference.Model;

/// <summary>
/// The type of one element in the format-neutral model: its kind and, for fixed-size kinds,
/// its size in bytes. Fixed-size elements are held in memory little-endian.
/// </summary>
public sealed record ElementType
{
    private ElementType(ElementKind kind, int size)
    {
        Kind = kind;
        Size = size;
    }

    public ElementKind Kind { get; }

    /// <summary>Bytes per element; 0 for variable-length kinds.</summary>
    public int Size { get; }

    public bool IsVariableLength => Size == 0;

    /// <summary>Size of one scalar component for byte-order swapping (complex: one half).</summary>
    public int ComponentSize => Kind switch
    {
        ElementKind.Complex64 => 4,
        ElementKind.Complex128 => 8,
        ElementKind.Raw or ElementKind.Bool => 1,
        _ => Size,
    };

    public static ElementType Bool { get; } = new(ElementKind.Bool, 1);
    public static ElementType Int8 { get; } = new(ElementKind.Int8, 1);
    public static ElementType Int16 { get; } = new(ElementKind.Int16, 2);
    public static ElementType Int32 { get; } = new(ElementKind.Int32, 4);
    public static ElementType Int64 { get; } = new(ElementKind.Int64, 8);
    public static ElementType UInt8 { get; } = new(ElementKind.UInt8, 1);
    public static ElementType UInt16 { get; } = new(ElementKind.UInt16, 2);
    public static ElementType UInt32 { get; } = new(ElementKind.UInt32, 4);
    public static ElementType UInt64 { get; } = new(ElementKind.UInt64, 8);
    public static ElementType Float16 { get; } = new(ElementKind.Float16, 2);
    public static ElementType Float32 { get; } = new(ElementKind.Float32, 4);
    public static ElementType Float64 { get; } = new(ElementKind.Float64, 8);
    public static ElementType Complex64 { get; } = new(ElementKind.Complex64, 8);
    public static ElementType Complex128 { get; } = new(ElementKind.Complex128, 16);
    public static ElementType String { get; } = new(ElementKind.String, 0);
    public static ElementType Bytes { get; } = new(ElementKind.Bytes, 0);

    /// <summary>Opaque elements of <paramref name="size"/> bytes.</summary>
    public static ElementType Raw(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new(ElementKind.Raw, size);
    }

    public override string ToString() => Kind == ElementKind.Raw
        ? "raw" + (Size * 8).ToString(CultureInfo.InvariantCulture)
        : Kind.ToString().ToLowerInvariant();
}
