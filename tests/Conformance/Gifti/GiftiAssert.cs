using Conformance.Reference.Gifti;

namespace Conformance.Tests.Gifti;

/// <summary>Compares two images field by field, element bytes included.</summary>
internal static class GiftiAssert
{
    public static void Same(GiftiImage expected, GiftiImage actual)
    {
        Assert.That(actual.Version, Is.EqualTo(expected.Version));
        Assert.That(actual.NumberOfDataArrays, Is.EqualTo(expected.DataArrays.Count));
        Assert.That(actual.MetaData.Entries, Is.EqualTo(expected.MetaData.Entries));
        Assert.That(actual.LabelTable.Labels.Count, Is.EqualTo(expected.LabelTable.Labels.Count));
        for (int i = 0; i < expected.LabelTable.Labels.Count; i++)
        {
            GiftiLabel e = expected.LabelTable.Labels[i];
            GiftiLabel a = actual.LabelTable.Labels[i];
            Assert.That((a.Key, a.Name, a.Red, a.Green, a.Blue, a.Alpha), Is.EqualTo((e.Key, e.Name, e.Red, e.Green, e.Blue, e.Alpha)), $"label {i}");
        }
        Assert.That(actual.DataArrays.Count, Is.EqualTo(expected.DataArrays.Count));
        for (int i = 0; i < expected.DataArrays.Count; i++)
        {
            GiftiDataArray e = expected.DataArrays[i];
            GiftiDataArray a = actual.DataArrays[i];
            string which = $"DataArray {i}";
            Assert.That((a.Intent, a.DataType, a.ArrayIndexingOrder, a.Encoding, a.Endian), Is.EqualTo((e.Intent, e.DataType, e.ArrayIndexingOrder, e.Encoding, e.Endian)), which);
            Assert.That(a.Dims, Is.EqualTo(e.Dims), which);
            Assert.That(a.MetaData.Entries, Is.EqualTo(e.MetaData.Entries), which);
            Assert.That(a.CoordinateSystemTransforms.Count, Is.EqualTo(e.CoordinateSystemTransforms.Count), which);
            for (int t = 0; t < e.CoordinateSystemTransforms.Count; t++)
            {
                CoordinateSystemTransform et = e.CoordinateSystemTransforms[t];
                CoordinateSystemTransform at = a.CoordinateSystemTransforms[t];
                Assert.That((at.DataSpace, at.TransformedSpace), Is.EqualTo((et.DataSpace, et.TransformedSpace)), which);
                Assert.That(at.MatrixData, Is.EqualTo(et.MatrixData), which);
            }
            if (e.Encoding == GiftiEncoding.ExternalFileBinary)
            {
                Assert.That((a.ExternalFileName, a.ExternalFileOffset), Is.EqualTo((e.ExternalFileName, e.ExternalFileOffset)), which);
            }
            Assert.That(Convert.ToHexString(a.Data), Is.EqualTo(Convert.ToHexString(e.Data)), which);
        }
    }
}
