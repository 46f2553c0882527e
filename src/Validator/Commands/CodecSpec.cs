using System.Globalization;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Validator.Commands;

/// <summary>
/// The <c>--codec</c> values of <c>convert</c>: each names one bytes-to-bytes codec, with its
/// settings after colons (<c>zstd:3</c>, <c>gzip:6</c>, <c>crc32c</c>), or <c>none</c>. The
/// serializer in front of them follows from the data type: <c>bytes</c> (little-endian) for
/// fixed-size elements, <c>vlen-utf8</c> or <c>vlen-bytes</c> for variable-length ones.
/// </summary>
public static class CodecSpec
{
    public static Func<ZarrDataType, IReadOnlyList<ICodec>> Parse(IReadOnlyList<string> specs)
    {
        var bytesCodecs = new List<IBytesToBytesCodec>();
        foreach (string spec in specs.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            string[] parts = spec.Split(':');
            switch (parts[0])
            {
                case "none" when parts.Length == 1:
                    break;
                case "zstd" when parts.Length <= 2:
                    bytesCodecs.Add(new ZstdCodec(Level(parts, 0, -131072, 22, spec)));
                    break;
                case "gzip" when parts.Length <= 2:
                    bytesCodecs.Add(new GzipCodec(Level(parts, 5, 0, 9, spec)));
                    break;
                case "crc32c" when parts.Length == 1:
                    bytesCodecs.Add(Crc32cCodec.Instance);
                    break;
                default:
                    throw new UsageException($"--codec {spec}: expected none, zstd[:level], gzip[:level] or crc32c");
            }
        }
        return type => [Serializer(type.ElementType), .. bytesCodecs];
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
