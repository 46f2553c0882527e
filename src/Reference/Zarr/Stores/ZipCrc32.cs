namespace Conformance.Reference.Zarr.Stores;

/// <summary>
/// The CRC-32 a zip entry carries (APPNOTE.TXT 4.4.7: the ISO 3309 / ITU-T V.42 polynomial,
/// reflected 0xEDB88320); the check value of "123456789" is 0xCBF43926. System.IO.Compression
/// does not verify it on read, so the zip store does for whole values.
/// </summary>
internal static class ZipCrc32
{
    private const uint Polynomial = 0xEDB88320;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        foreach (byte b in data)
        {
            crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        uint[] table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }
            table[i] = crc;
        }
        return table;
    }
}
