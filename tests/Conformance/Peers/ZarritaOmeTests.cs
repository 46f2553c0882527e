using Conformance.Reference.Conversion;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Tests.Peers;

/// <summary>
/// An OME-Zarr 0.5 image pyramid with labels written by zarrita validates clean, Zarr and
/// OME-NGFF rules together, in deep mode; and so does our conversion of it to shards.
/// </summary>
[NonParallelizable]
public sealed class ZarritaOmeTests
{
    private static readonly ValidationOptions Options = new() { Deep = true, Checks = [new OmeNgffCheck()], MaxDegreeOfParallelism = 2 };

    [Test]
    public async Task An_ome_zarr_image_written_by_zarrita_and_its_sharded_conversion_validate_clean()
    {
        ZarritaPeer.Require();
        using var directory = new TempDirectory();
        string image = Path.Combine(directory.Path, "image.zarr");
        await ZarritaPeer.WriteOmeAsync(image);
        var store = new DirectoryStore(image, readOnly: true);
        ValidationReport report = await ZarrValidator.ValidateAsync(store, image, Options);
        Assert.That(report.Diagnostics, Is.Empty, string.Join("\n", report.Diagnostics));
        Assert.That((report.Statistics.Groups, report.Statistics.Arrays), Is.EqualTo((3, 6)));

        var sharded = new MemoryStore();
        await Converter.ConvertAsync(await ZarrHierarchy.OpenAsync(store), sharded, new ConvertOptions { Chunks = [1, 4, 4, 4], Shards = [1, 8, 16, 16] });
        ValidationReport converted = await ZarrValidator.ValidateAsync(sharded, "converted", Options);
        Assert.That(converted.Diagnostics, Is.Empty, string.Join("\n", converted.Diagnostics));
        Assert.That(converted.Statistics.Arrays, Is.EqualTo(6));
    }
}
