using System.Globalization;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Validator.Commands;

/// <summary>
/// The <c>--codec</c> values of <c>convert</c>: each names one bytes-to-bytes codec, with its
/// settings after colons (<c>zstd:3</c>, <c>gzip:6</c>, <c>crc32c</c>,
/// <c>blosc:lz4:5:bitshuffle</c>), or <c>none</c>. Blosc's typesize comes from the data type,
/// and its shuffle defaults as zarr-python's does (bit shuffle for one-byte types). The
/// serializer in front of them follows from the data type: <c>bytes</c> (little-endian) for
/// fixed-size elements, <c>vlen-utf8</c> or <c>vlen-bytes</c> for variable-length ones.
/// </summary>
public static class CodecSpec
{
    public static Func<ZarrDataType, IReadOnlyList<ICodec>> Parse(IReadOnlyList<string> specs)
    {
        var bytesCodecs = new List<Func<ZarrDataType, IBytesToBytesCodec>>();
        foreach (string spec in specs.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            string[] parts = spec.Split(':');
            switch (parts[0])
            {
                case "none" when parts.Length == 1:
                    break;
                case "zstd" when parts.Length <= 2:
                    int zstd = Level(parts, 0, -131072, 22, spec);
                    bytesCodecs.Add(_ => new ZstdCodec(zstd));
                    break;
                case "gzip" when parts.Length <= 2:
                    int gzip = Level(parts, 5, 0, 9, spec);
                    bytesCodecs.Add(_ => new GzipCodec(gzip));
                    break;
                case "crc32c" when parts.Length == 1:
                    bytesCodecs.Add(_ => Crc32cCodec.Instance);
                    break;
                case "blosc" when parts.Length <= 4:
                    bytesCodecs.Add(Blosc(parts, spec));
                    break;
                default:
                    throw new UsageException($"--codec {spec}: expected none, zstd[:level], gzip[:level], crc32c or blosc[:cname[:clevel[:shuffle]]]");
            }
        }
        return type => [Serializer(type.ElementType), .. bytesCodecs.Select(codec => codec(type))];
    }

    private static Func<ZarrDataType, IBytesToBytesCodec> Blosc(string[] parts, string spec)
    {
        BloscCompressor compressor = (parts.Length > 1 ? parts[1] : "zstd") switch
        {
            "lz4" => BloscCompressor.Lz4,
            "lz4hc" => BloscCompressor.Lz4hc,
            "blosclz" => BloscCompressor.BloscLz,
            "zstd" => BloscCompressor.Zstd,
            "zlib" => BloscCompressor.Zlib,
            string other => throw new UsageException($"--codec {spec}: blosc cname must be lz4, lz4hc, blosclz, zstd or zlib, not {other}"),
        };
        int level = Level(parts.Length > 2 ? ["blosc", parts[2]] : ["blosc"], 5, 0, 9, spec);
        BloscShuffle? shuffle = (parts.Length > 3 ? parts[3] : null) switch
        {
            null => null,
            "noshuffle" => BloscShuffle.NoShuffle,
            "shuffle" => BloscShuffle.Shuffle,
            "bitshuffle" => BloscShuffle.BitShuffle,
            string other => throw new UsageException($"--codec {spec}: blosc shuffle must be noshuffle, shuffle or bitshuffle, not {other}"),
        };
        return type => BloscCodec.ForDataType(type, compressor, level, shuffle);
    }

    private static IArrayToBytesCodec Serializer(ElementType type) => type.Kind switch
    {
        ElementKind.String => VlenCodec.Utf8,
        ElementKind.Bytes => VlenCodec.Bytes,
        _ => BytesCodec.Little,
    };

    private static int Level(string[] parts, int fallback, int min, int max, string spec)
    {
        if (parts.Length < 2)
        {
            return fallback;
        }
        if (!int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int level) || level < min || level > max)
        {
            throw new UsageException($"--codec {spec}: level must be an integer from {min} to {max}");
        }
        return level;
    }
}
