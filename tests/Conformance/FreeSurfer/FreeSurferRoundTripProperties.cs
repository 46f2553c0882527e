using Conformance.Reference.FreeSurfer;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.FreeSurfer;

/// <summary>
/// Random models of every file kind: what we write reads back equal, and writing what we read
/// gives the same bytes again.
/// </summary>
public sealed class FreeSurferRoundTripProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static Gen<float> Floats => Gen.Frequency(
        (6, ArbMap.Default.GeneratorFor<float>()),
        (2, Gen.Choose(-30000, 30000).Select(i => i / 100f)),
        (1, Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue)));

    private static Gen<double> Doubles => Gen.Frequency(
        (4, ArbMap.Default.GeneratorFor<double>()),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, -0d, double.Epsilon, 0.1)));

    private static Gen<string> Text(string alphabet, int max) =>
        from length in Gen.Choose(0, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    private const string Printable = "abcXYZ019 _-./:#!=,\t";

    private static Gen<(double, double, double)> Triple =>
        from a in Doubles
        from b in Doubles
        from c in Doubles
        select (a, b, c);

    private static Gen<VolumeGeometry> Geometries =>
        from valid in Gen.Elements(0, 1, -7)
        from name in Text("abcXYZ019_-./", 30)
        from w in ArbMap.Default.GeneratorFor<int>()
        from h in Gen.Choose(0, 512)
        from d in Gen.Choose(0, 512)
        from voxel in Triple
        from x in Triple
        from y in Triple
        from z in Triple
        from c in Triple
        select new VolumeGeometry(valid, name, (w, h, d), voxel, x, y, z, c);

    private static Gen<SurfaceTag> Tags =>
        from id in Gen.Elements(3, 4, 21, 32, 33, 40, 99, int.MaxValue, -5)
        from data in ArbMap.Default.GeneratorFor<byte[]>()
        select new SurfaceTag(id, data);

    private static Gen<FreeSurferSurface> Surfaces =>
        from vertices in Gen.Choose(0, 30)
        from coordinates in Floats.ArrayOf(vertices * 3)
        from faceCount in Gen.Choose(0, vertices == 0 ? 0 : 40)
        from faces in Gen.Choose(0, Math.Max(0, vertices - 1)).ArrayOf(faceCount * 3)
        from stamp in Text(Printable, 60)
        from realRas in Gen.Elements<int?>(null, 0, 1)
        from geometry in Gen.OneOf(Gen.Constant<VolumeGeometry?>(null), Geometries.Select(g => (VolumeGeometry?)g))
        from tags in Tags.ListOf().Select(t => t.Take(4).ToArray())
        select new FreeSurferSurface(coordinates, faces) { CreatedBy = stamp, UseRealRas = realRas, VolumeGeometry = geometry, Tags = tags };

    private static Gen<ColorTable> Tables =>
        from layout in Gen.Elements(ColorTableLayout.Old, ColorTableLayout.Version2)
        from count in Gen.Choose(layout == ColorTableLayout.Old ? 1 : 0, 12)
        from indices in layout == ColorTableLayout.Old
            ? Gen.Constant(Enumerable.Range(0, count).ToArray())
            : Gen.Shuffle(Enumerable.Range(0, 40).ToArray()).Select(s => s.Take(count).ToArray())
        from names in Text(Printable, 20).ArrayOf(count)
        from colours in Gen.Choose(0, 255).ArrayOf(count * 4)
        from extra in Gen.Choose(layout == ColorTableLayout.Old ? 0 : 1, 5)
        from file in Text(Printable, 40)
        let entries = indices.Select((index, i) => new ColorTableEntry(index, names[i], colours[4 * i], colours[(4 * i) + 1], colours[(4 * i) + 2], colours[(4 * i) + 3])).ToArray()
        select new ColorTable(entries)
        {
            Layout = layout,
            MaxEntries = layout == ColorTableLayout.Old ? count : (count == 0 ? 0 : indices.Max()) + extra,
            FileName = file,
        };

    private static Gen<Annotation> Annotations =>
        from count in Gen.Choose(0, 50)
        from vertices in Gen.Choose(0, 200_000).ArrayOf(count)
        from table in Gen.OneOf(Gen.Constant<ColorTable?>(null), Tables.Select(t => (ColorTable?)t))
        from values in (table is null || table.Entries.Count == 0
            ? ArbMap.Default.GeneratorFor<int>()
            : Gen.Frequency((4, Gen.Elements(table.Entries.Select(e => e.Annotation).ToArray())), (1, Gen.Constant(0)), (1, ArbMap.Default.GeneratorFor<int>()))).ArrayOf(count)
        select new Annotation(vertices, values, table);

    private static Gen<Label> Labels =>
        from header in Text(Printable, 60)
        from count in Gen.Choose(0, 40)
        from vertices in ArbMap.Default.GeneratorFor<int>().ArrayOf(count)
        from numbers in Floats.ArrayOf(count * 4)
        select new Label([.. vertices.Select((v, i) => new LabelPoint(v, numbers[4 * i], numbers[(4 * i) + 1], numbers[(4 * i) + 2], numbers[(4 * i) + 3]))]) { Header = header };

    [Test]
    public void Surfaces_read_back_equal_and_rewrite_identically() =>
        Prop.ForAll(Surfaces.ToArbitrary(), surface =>
        {
            byte[] bytes = surface.ToBytes();
            FreeSurferSurface back = FreeSurferSurface.Parse(bytes, "p");
            FsBytes.AssertSame(surface, back);
            Assert.That(back.ToBytes(), Is.EqualTo(bytes));
        }).Check(Config);

    [Test]
    public void Curvatures_read_back_equal_and_rewrite_identically() =>
        Prop.ForAll(Floats.ArrayOf().ToArbitrary(), ArbMap.Default.ArbFor<int>(), (values, faces) =>
        {
            byte[] bytes = new Curvature(values) { FaceCount = faces }.ToBytes();
            Curvature back = Curvature.Parse(bytes, "p");
            Assert.That(FsBytes.SameBits(back.Values, values));
            Assert.That(back.FaceCount, Is.EqualTo(faces));
            Assert.That(back.ToBytes(), Is.EqualTo(bytes));
        }).Check(Config);

    [Test]
    public void Annotations_read_back_equal_and_rewrite_identically() =>
        Prop.ForAll(Annotations.ToArbitrary(), annotation =>
        {
            byte[] bytes = annotation.ToBytes();
            Annotation back = Annotation.Parse(bytes, "p");
            FsBytes.AssertSame(annotation, back);
            Assert.That(back.ToBytes(), Is.EqualTo(bytes));
        }).Check(Config);

    [Test]
    public void Labels_read_back_equal_and_rewrite_identically() =>
        Prop.ForAll(Labels.ToArbitrary(), label =>
        {
            byte[] bytes = label.ToBytes();
            Label back = Label.Parse(bytes, "p");
            FsBytes.AssertSame(label, back);
            Assert.That(back.ToBytes(), Is.EqualTo(bytes));
        }).Check(Config);
}
