using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>Annotations in both colour-table layouts, with and without labels on every vertex.</summary>
public sealed class AnnotationTests
{
    private static readonly ColorTableEntry Unknown = new(0, "unknown", 25, 5, 25, 0);
    private static readonly ColorTableEntry Bankssts = new(1, "bankssts", 25, 100, 40, 0);
    private static readonly ColorTableEntry Cuneus = new(5, "cuneus", 220, 180, 140, 0);

    [Test]
    public void Packed_colours_are_red_green_blue_without_transparency()
    {
        Assert.That(Unknown.Annotation, Is.EqualTo(1639705));
        Assert.That((Bankssts with { Transparency = 255 }).Annotation, Is.EqualTo(2647065));
    }

    [TestCase(ColorTableLayout.Version2)]
    [TestCase(ColorTableLayout.Old)]
    public void An_annotation_rewrites_byte_identically_and_reads_back_equal(ColorTableLayout layout)
    {
        ColorTableEntry[] entries = layout == ColorTableLayout.Old ? [Unknown, Bankssts] : [Unknown, Bankssts, Cuneus];
        var table = new ColorTable(entries) { Layout = layout, FileName = "/usr/local/freesurfer/FreeSurferColorLUT.txt" };
        var annotation = new Annotation([0, 1, 2, 3], [Unknown.Annotation, 0, entries[^1].Annotation, 12345], table);
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.aparc.annot");
        annotation.Write(path);
        byte[] first = File.ReadAllBytes(path);
        Annotation back = Annotation.Read(path);
        FsBytes.AssertSame(annotation, back);
        Assert.That(back.LabelIndices(), Is.EqualTo(new[] { 0, -1, entries[^1].Index, -1 }), "no label and unknown values give -1");
        Assert.That(back.ToBytes(), Is.EqualTo(first));
    }

    [Test]
    public void A_version_2_table_may_have_gaps_and_a_larger_size()
    {
        var table = new ColorTable([Unknown, Cuneus]) { MaxEntries = 36, FileName = "" };
        Assert.That(table.MaxEntries, Is.EqualTo(36));
        var annotation = new Annotation([5, 3], [Cuneus.Annotation, Unknown.Annotation], table);
        Annotation back = Annotation.Parse(annotation.ToBytes(), "gaps");
        FsBytes.AssertSame(annotation, back);
        Assert.That(back.LabelIndices(), Is.EqualTo(new[] { 5, 0 }));
    }

    [Test]
    public void An_old_layout_table_as_FreeSurfer_wrote_it_is_read()
    {
        byte[] bytes = new FsBytes().Int32(2, 0, 1639705, 1, 0).Int32(1, 2).String("colortable.txt")
            .String("unknown").Int32(25, 5, 25, 0).String("bankssts").Int32(25, 100, 40, 0).ToArray();
        Annotation annotation = Annotation.Parse(bytes, "old.annot");
        Assert.That(annotation.ColorTable!.Layout, Is.EqualTo(ColorTableLayout.Old));
        Assert.That(annotation.ColorTable.FileName, Is.EqualTo("colortable.txt"));
        Assert.That(annotation.ColorTable.Entries, Is.EqualTo(new[] { Unknown, Bankssts }));
        Assert.That(annotation.LabelIndices(), Is.EqualTo(new[] { 0, -1 }));
    }

    [Test]
    public void An_annotation_without_a_colour_table_round_trips()
    {
        var annotation = new Annotation([7], [42], null);
        byte[] bytes = annotation.ToBytes();
        Assert.That(bytes, Has.Length.EqualTo(12));
        FsBytes.AssertSame(annotation, Annotation.Parse(bytes, "bare"));
    }

    [Test]
    public void The_writer_refuses_tables_it_cannot_lay_out()
    {
        Assert.Throws<InvalidOperationException>(() => new Annotation([], [], new ColorTable([Unknown, Cuneus]) { Layout = ColorTableLayout.Old }).ToBytes());
        Assert.Throws<InvalidOperationException>(() => new Annotation([], [], new ColorTable([Unknown, Unknown])).ToBytes());
        Assert.Throws<InvalidOperationException>(() => new Annotation([], [], new ColorTable([Unknown with { Name = "a\0b" }])).ToBytes());
    }
}
