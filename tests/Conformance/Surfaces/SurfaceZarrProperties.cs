using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Gifti;
using Conformance.Reference.Surfaces;
using Conformance.Reference.Zarr.Stores;
using FsCheck;
using FsCheck.Fluent;

namespace Conformance.Tests.Surfaces;

/// <summary>Random surfaces through a Zarr store and back: the same FreeSurfer bytes, the same GIFTI arrays.</summary>
public sealed class SurfaceZarrProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(100);

    private static Gen<float> Floats => Gen.Frequency(
        (6, ArbMap.Default.GeneratorFor<float>()),
        (1, Gen.Elements(float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon)));

    private static Gen<double> Doubles => Gen.Frequency(
        (4, ArbMap.Default.GeneratorFor<double>()),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, 0.1)));

    private static Gen<(double, double, double)> Triple =>
        from a in Doubles
        from b in Doubles
        from c in Doubles
        select (a, b, c);

    private static Gen<FreeSurferSurface> Surfaces =>
        from vertices in Gen.Choose(0, 30)
        from coordinates in Floats.ArrayOf(vertices * 3)
        from faceCount in Gen.Choose(0, vertices == 0 ? 0 : 40)
        from faces in Gen.Choose(0, Math.Max(0, vertices - 1)).ArrayOf(faceCount * 3)
        from realRas in Gen.Elements<int?>(null, 0, 1)
        from withGeometry in ArbMap.Default.GeneratorFor<bool>()
        from voxel in Triple
        from cras in Triple
        from tag in ArbMap.Default.GeneratorFor<byte[]>()
        select new FreeSurferSurface(coordinates, faces)
        {
            CreatedBy = "created by property",
            UseRealRas = realRas,
            VolumeGeometry = withGeometry ? new VolumeGeometry(1, "orig.mgz", (256, 256, 256), voxel, (-1, 0, 0), (0, 0, -1), (0, 1, 0), cras) : null,
            Tags = [new SurfaceTag(33, tag)],
        };

    [Test]
    public void Random_freesurfer_surfaces_rewrite_identically_through_zarr() =>
        Prop.ForAll(Surfaces.ToArbitrary(), surface =>
        {
            byte[] bytes = surface.ToBytes();
            var store = new MemoryStore();
            SurfaceZarr.WriteAsync(FreeSurferSurfaces.FromSurface(FreeSurferSurface.Parse(bytes, "p"), "white"), store).AsTask().GetAwaiter().GetResult();
            SurfaceContent back = SurfaceZarr.ReadAsync(store).AsTask().GetAwaiter().GetResult();
            Assert.That(FreeSurferSurfaces.ToSurface(back).ToBytes(), Is.EqualTo(bytes));
        }).Check(Config);

    private static Gen<GiftiDataArray> Arrays =>
        from type in Gen.Elements(GiftiDataType.UInt8, GiftiDataType.Int32, GiftiDataType.Float32)
        from rank in Gen.Choose(1, 3)
        from dims in Gen.Choose(1, 4).ArrayOf(rank)
        from order in Gen.Elements(Enum.GetValues<ArrayIndexingOrder>())
        from endian in Gen.Elements(Enum.GetValues<GiftiEndian>())
        from encoding in Gen.Elements(GiftiEncoding.Ascii, GiftiEncoding.Base64Binary, GiftiEncoding.GZipBase64Binary)
        from data in ArbMap.Default.GeneratorFor<byte>().ArrayOf(dims.Aggregate(1, (a, n) => a * n) * (type == GiftiDataType.UInt8 ? 1 : 4))
        select new GiftiDataArray { DataType = type, Dims = dims, ArrayIndexingOrder = order, Endian = endian, Encoding = encoding, Data = data };

    [Test]
    public void Random_gifti_arrays_come_back_byte_identical() =>
        Prop.ForAll(Arrays.ArrayOf().Where(a => a.Length > 0).ToArbitrary(), arrays =>
        {
            var image = new GiftiImage();
            image.DataArrays.AddRange(arrays);
            var store = new MemoryStore();
            SurfaceZarr.WriteAsync(GiftiSurfaces.FromGifti(image, "mid"), store).AsTask().GetAwaiter().GetResult();
            GiftiImage back = GiftiSurfaces.ToGifti(SurfaceZarr.ReadAsync(store).AsTask().GetAwaiter().GetResult());
            Assert.That(back.DataArrays.Select(a => a.Data), Is.EqualTo(arrays.Select(a => a.Data)));
            Assert.That(back.DataArrays.Select(a => (a.Dims, a.ArrayIndexingOrder, a.Endian, a.Encoding, a.DataType)), Is.EqualTo(arrays.Select(a => (a.Dims, a.ArrayIndexingOrder, a.Endian, a.Encoding, a.DataType))));
        }).Check(Config);
}
