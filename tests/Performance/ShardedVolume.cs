using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Performance;

/// <summary>
/// The sharded array of the zarr_benchmarks workload (LDeakin/zarr_benchmarks,
/// <c>scripts/generate_benchmark_array.py</c>), scaled from 1024x2048x2048 to 512^3 (256 MiB,
/// one 32nd): <c>uint16</c>, fill value 0, 32^3 inner chunks in 256^3 shards (8^3 = 512 inner
/// chunks per shard, 8 shards), default chunk key encoding with <c>/</c>. The values are the
/// workload's function, <c>(x + y^2 / 32 + z^3) mod 65536</c> truncated to <c>uint16</c>, on
/// the first 512^3 of its domain. The workload compresses inner chunks with blosc (blosclz 9,
/// bit shuffle); here, as the issue asks, they are <c>bytes</c> + zstd level 3.
/// </summary>
internal static class ShardedVolume
{
    public const int Edge = 512;
    public const int ShardEdge = 256;
    public const int InnerEdge = 32;
    public const int ZstdLevel = 3;
    public const string ArrayPath = "/a";

    public static int[] Shape => [Edge, Edge, Edge];

    public static NdArray Create()
    {
        NdArray array = NdArray.Create(ElementType.UInt16, Shape);
        Span<ushort> values = MemoryMarshal.Cast<byte, ushort>(array.Bytes);
        int i = 0;
        for (int z = 0; z < Edge; z++)
        {
            for (int y = 0; y < Edge; y++)
            {
                // The workload computes (x + y**2 / 32 + z**3) % 65536 in float64 and truncates
                // to uint16. Every term is exact in float64 here (below 2^28, in 32nds), so that is
                // x + floor(y^2 / 32) + z^3 modulo 2^16, which the cast to ushort takes.
                long row = y * y / 32 + (long)z * z * z;
                for (int x = 0; x < Edge; x++)
                {
                    values[i++] = (ushort)(x + row);
                }
            }
        }
        return array;
    }

    public static ArrayMetadata Metadata() => new(
        [Edge, Edge, Edge],
        IntegerDataType.UInt16,
        new RegularChunkGrid([ShardEdge, ShardEdge, ShardEdge]),
        [new ShardingCodec([InnerEdge, InnerEdge, InnerEdge], [BytesCodec.Little, new ZstdCodec(ZstdLevel)], [BytesCodec.Little, Crc32cCodec.Instance])]);

    /// <summary>Writes <paramref name="volume"/> as the sharded array at <see cref="ArrayPath"/> of a new directory store in <paramref name="root"/>.</summary>
    public static async Task<DirectoryStore> WriteAsync(string root, NdArray volume)
    {
        var store = new DirectoryStore(root);
        ZarrArray array = await ZarrArray.CreateAsync(store, ArrayPath, Metadata(), overwrite: true);
        await array.WriteAllAsync(volume);
        return store;
    }

    /// <summary>
    /// SHA-256 over every file of the store under <paramref name="root"/> (relative path, length
    /// and bytes, in ordinal order of the paths): equal digests mean byte-identical stores.
    /// </summary>
    public static string StoreDigest(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, path) + "\0" + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\0"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of the bytes of a C-order <c>uint16</c> array, little-endian: what the zarrita script reports.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
