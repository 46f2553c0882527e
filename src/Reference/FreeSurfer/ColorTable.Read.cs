using System.Text;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class ColorTable
{
    internal static ColorTable Read(ref BigEndianSpan input)
    {
        int versionAt = input.Position;
        int version = input.Int32(FreeSurferRules.ColorTableVersion, "the colour table version");
        if (version > 0)
        {
            // Old layout: the "version" is the entry count.
            string fileName = ReadString(ref input);
            input.Need(version * 20L, FreeSurferRules.ColorTableData, $"{version} colour table entries");
            var entries = new List<ColorTableEntry>(version);
            for (int i = 0; i < version; i++)
            {
                entries.Add(ReadEntry(ref input, i));
            }
            return new ColorTable(entries) { Layout = ColorTableLayout.Old, MaxEntries = version, FileName = fileName };
        }
        if (version != Version2Marker)
        {
            throw new ConformanceException(FreeSurferRules.ColorTableVersion, input.At(versionAt), $"colour table version {version} is neither an entry count nor -2", Outcome.Unsupported);
        }
        int maxAt = input.Position;
        int max = input.Int32(FreeSurferRules.ColorTableData, "the colour table size");
        if (max <= 0)
        {
            throw new ConformanceException(FreeSurferRules.ColorTableIndex, input.At(maxAt), $"the colour table size {max} is not positive");
        }
        string name = ReadString(ref input);
        int countAt = input.Position;
        int count = input.Int32(FreeSurferRules.ColorTableData, "the number of colour table entries");
        if (count < 0)
        {
            throw new ConformanceException(FreeSurferRules.ColorTableData, input.At(countAt), $"negative entry count {count}");
        }
        input.Need(count * 24L, FreeSurferRules.ColorTableData, $"{count} colour table entries");
        var read = new List<ColorTableEntry>(count);
        var seen = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            int indexAt = input.Position;
            int index = input.Int32(FreeSurferRules.ColorTableData, "an entry index");
            if (index < 0 || index >= max || !seen.Add(index))
            {
                throw new ConformanceException(FreeSurferRules.ColorTableIndex, input.At(indexAt), $"entry index {index} is outside [0, {max}) or repeated");
            }
            read.Add(ReadEntry(ref input, index));
        }
        return new ColorTable(read) { Layout = ColorTableLayout.Version2, MaxEntries = max, FileName = name };
    }

    private static ColorTableEntry ReadEntry(ref BigEndianSpan input, int index)
    {
        string name = ReadString(ref input);
        int red = input.Int32(FreeSurferRules.ColorTableData, "red");
        int green = input.Int32(FreeSurferRules.ColorTableData, "green");
        int blue = input.Int32(FreeSurferRules.ColorTableData, "blue");
        int transparency = input.Int32(FreeSurferRules.ColorTableData, "transparency");
        return new ColorTableEntry(index, name, red, green, blue, transparency);
    }

    /// <summary>An int32 length (counting the terminating NUL) and that many bytes; the text ends at the first NUL, as C reads it.</summary>
    private static string ReadString(ref BigEndianSpan input)
    {
        int lengthAt = input.Position;
        int length = input.Int32(FreeSurferRules.ColorTableData, "a string length");
        if (length < 0)
        {
            throw new ConformanceException(FreeSurferRules.ColorTableData, input.At(lengthAt), $"negative string length {length}");
        }
        ReadOnlySpan<byte> bytes = input.Bytes(length, FreeSurferRules.ColorTableData, "a string");
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
