namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// CRC-32C (Castagnoli), reflected, as RFC 3720 (appendix B.4) defines it and the crc32c codec
/// uses it, computed from its polynomial so the generator needs no codec of the reader it tests.
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/crc32c/#format-and-algorithm"/></remarks>
internal static class Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Compute(Table, data);

    private static uint[] BuildTable()
    {
        uint[] table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }
            table[i] = c;
        }
        // The check value of RFC 3720's test vector, so a wrong table never writes a corpus.
        if (Compute(table, "123456789"u8) != 0xE3069283)
        {
            throw new InvalidOperationException("CRC-32C table does not give the check value");
        }
        return table;
    }

    private static uint Compute(uint[] table, ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFF;
    }
}
