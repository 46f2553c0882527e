namespace Conformance.Reference.Gifti;

/// <summary>
/// The <c>DataType</c> of a DataArray, with the NIfTI-1 type codes as values. GIFTI 1.0 (section
/// 2.0, DataArray, DataType) allows only <see cref="UInt8"/>, <see cref="Int32"/> and
/// <see cref="Float32"/>; the others are read leniently because some writers emit them, and
/// <see cref="GiftiNames.IsSpecDataType"/> tells them apart.
/// </summary>
public enum GiftiDataType
{
    UInt8 = 2,
    Int16 = 4,
    Int32 = 8,
    Float32 = 16,
    Float64 = 64,
    Int8 = 256,
    UInt16 = 512,
    UInt32 = 768,
    Int64 = 1024,
    UInt64 = 1280,
}
