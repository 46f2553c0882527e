using System.Text;

namespace Conformance.Reference.FreeSurfer;

public sealed partial class ColorTable
{
    internal void Write(BigEndianWriter output)
    {
        if (Layout == ColorTableLayout.Old)
        {
            if (Entries.Count == 0 || Entries.Where((e, i) => e.Index != i).Any() || MaxEntries != Entries.Count)
            {
                throw new InvalidOperationException("the old layout holds entries 0, 1, … in order, at least one");
            }
            output.Int32(Entries.Count);
            WriteString(output, FileName);
            foreach (ColorTableEntry entry in Entries)
            {
                WriteEntry(output, entry);
            }
            return;
        }
        if (MaxEntries <= 0 || Entries.Any(e => e.Index < 0 || e.Index >= MaxEntries) || Entries.Select(e => e.Index).Distinct().Count() != Entries.Count)
        {
            throw new InvalidOperationException("entry indices must be distinct and within [0, MaxEntries)");
        }
        output.Int32(Version2Marker);
        output.Int32(MaxEntries);
        WriteString(output, FileName);
        output.Int32(Entries.Count);
        foreach (ColorTableEntry entry in Entries)
        {
            output.Int32(entry.Index);
            WriteEntry(output, entry);
        }
    }

    private static void WriteEntry(BigEndianWriter output, ColorTableEntry entry)
    {
        WriteString(output, entry.Name);
        output.Int32(entry.Red);
        output.Int32(entry.Green);
        output.Int32(entry.Blue);
        output.Int32(entry.Transparency);
    }

    private static void WriteString(BigEndianWriter output, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("colour table strings cannot hold NUL");
        }
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        output.Int32(bytes.Length + 1);
        output.Bytes(bytes);
        output.Bytes([0]);
    }
}
