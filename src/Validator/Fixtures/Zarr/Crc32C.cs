namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// CRC-32C (Castagnoli) as RFC 3720 (appendix B.4) defines it and the crc32c codec uses it,
/// computed from its polynomial so the generator needs no codec of the reader it tests.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/crc32c/#format-and-algorithm"/></remarks>
internal static class Crc32C
{
    private static readonly ReflectedCrc32 Crc = new(0x82F63B78, 0xE3069283);

    public static uint Compute(ReadOnlySpan<byte> data) => Crc.Compute(data);
}
