using System.Text;
using Conformance.Reference.FreeSurfer;
using Conformance.Tests.Support;

namespace Conformance.Tests.FreeSurfer;

/// <summary>ASCII label files as FreeSurfer writes them, and our own round trip.</summary>
public sealed class LabelTests
{
    [Test]
    public void A_label_rewrites_byte_identically_and_reads_back_equal()
    {
        var label = new Label([new LabelPoint(12, -33.25f, 0.1f, 1e-7f, 0.8f), new LabelPoint(-1, 1, 2, 3, float.NaN), new LabelPoint(9, float.NegativeInfinity, -0f, 3e38f, 1)])
        {
            Header = "#!ascii label lh.V1, from subject bert vox2ras=TkReg",
        };
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "lh.V1.label");
        label.Write(path);
        byte[] first = File.ReadAllBytes(path);
        Label back = Label.Read(path);
        FsBytes.AssertSame(label, back);
        Assert.That(back.ToBytes(), Is.EqualTo(first));
    }

    [Test]
    public void A_label_as_FreeSurfer_writes_it_is_read()
    {
        string text = "#!ascii label  , from subject bert vox2ras=TkReg\n2\n107  -22.469  -91.361  -13.516 0.0000000000\n4012  -21.817  -90.808  -13.804 1.5000000000\n";
        Label label = Label.Parse(Encoding.ASCII.GetBytes(text), "lh.label");
        Assert.That(label.Header, Is.EqualTo("#!ascii label  , from subject bert vox2ras=TkReg"));
        Assert.That(label.Points, Is.EqualTo(new[] { new LabelPoint(107, -22.469f, -91.361f, -13.516f, 0), new LabelPoint(4012, -21.817f, -90.808f, -13.804f, 1.5f) }));
    }

    [Test]
    public void Windows_line_ends_tabs_a_missing_last_newline_and_trailing_blank_lines_are_read()
    {
        string text = "#!ascii\r\n 2 \r\n1\t2 3 4 5\r\n\t6 7 8 9 10\r\n\r\n\n  ";
        Label label = Label.Parse(Encoding.ASCII.GetBytes(text), "crlf.label");
        Assert.That(label.Points, Is.EqualTo(new[] { new LabelPoint(1, 2, 3, 4, 5), new LabelPoint(6, 7, 8, 9, 10) }));
        Assert.That(Label.Parse(Encoding.ASCII.GetBytes("#\n1\n1 2 3 4 5"), "nolf").Points, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_empty_label_round_trips()
    {
        var label = new Label([]);
        Assert.That(Encoding.ASCII.GetString(label.ToBytes()), Is.EqualTo("#!ascii label\n0\n"));
        FsBytes.AssertSame(label, Label.Parse(label.ToBytes(), "empty"));
    }
}
