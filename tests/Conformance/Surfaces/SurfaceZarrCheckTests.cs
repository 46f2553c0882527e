using Conformance.Reference.Gifti;
using Conformance.Reference.Surfaces;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Fixtures;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.SurfaceZarr;

namespace Conformance.Tests.Surfaces;

/// <summary>
/// The profile check over every <c>surface-zarr</c> case as generated (not as committed): each
/// rule fires exactly where a case says, and a store the converter wrote is clean.
/// </summary>
public sealed class SurfaceZarrCheckTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        SurfaceZarrFixtures.Cases().Select(c => new TestCaseData(c).SetName("surface-zarr / check / " + c.Area + " / " + c.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task Each_case_reports_exactly_its_rules(FixtureCase fixture)
    {
        var store = new MemoryStore();
        foreach ((string key, byte[] value) in fixture.Files)
        {
            await store.SetAsync(key, value);
        }
        ValidationReport report = await ZarrValidator.ValidateAsync(store, "memory", new ValidationOptions { Deep = true, Checks = [new SurfaceZarrCheck()] }, null);

        string[] errors = [.. report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.RuleId).Distinct().Order(StringComparer.Ordinal)];
        string[] warnings = [.. report.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.RuleId).Distinct().Order(StringComparer.Ordinal)];
        Assert.That(errors, Is.EqualTo(fixture.Rules.Order(StringComparer.Ordinal)), "errors");
        Assert.That(warnings, Is.EqualTo(fixture.Warnings), "warnings");
    }

    [Test]
    public void Every_profile_rule_is_broken_by_some_case()
    {
        string[] broken = [.. SurfaceZarrFixtures.Cases().SelectMany(c => c.Rules.Concat(c.Warnings)).Distinct().Order(StringComparer.Ordinal)];
        Assert.That(broken, Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"SURF-ZARR-00{i}")));
    }

    [Test]
    public async Task A_gifti_surface_converted_by_us_passes_the_check()
    {
        var image = new GiftiImage();
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 0, Name = "???", Red = 0, Green = 0, Blue = 0, Alpha = 0 });
        image.LabelTable.Labels.Add(new GiftiLabel { Key = 1, Name = "V1", Red = 1, Green = 0.5f, Blue = 0, Alpha = 1 });
        var points = new GiftiDataArray { Intent = GiftiIntent.PointSet, Dims = [4, 3], Data = new byte[48] };
        points.CoordinateSystemTransforms.Add(new CoordinateSystemTransform());
        image.DataArrays.Add(points);
        image.DataArrays.Add(new GiftiDataArray { Intent = GiftiIntent.Triangle, DataType = GiftiDataType.Int32, Dims = [2, 3], Data = [.. new[] { 0, 1, 2, 1, 2, 3 }.SelectMany(BitConverter.GetBytes)] });
        image.DataArrays.Add(new GiftiDataArray { Intent = GiftiIntent.Shape, Dims = [4], Data = new byte[16] });
        image.DataArrays.Add(new GiftiDataArray { Intent = GiftiIntent.Label, DataType = GiftiDataType.Int32, Dims = [4], Data = [.. new[] { 0, 1, 1, 0 }.SelectMany(BitConverter.GetBytes)] });
        image.DataArrays.Add(new GiftiDataArray { Intent = GiftiIntent.None, Dims = [2], Data = new byte[8] });
        var store = new MemoryStore();
        await SurfaceZarr.WriteAsync(GiftiSurfaces.FromGifti(image, "mid"), store);

        ValidationReport report = await ZarrValidator.ValidateAsync(store, "memory", new ValidationOptions { Deep = true, Checks = [new SurfaceZarrCheck()] }, null);

        Assert.That(report.Diagnostics.Where(d => d.Severity != Severity.Note).Select(d => $"{d.RuleId} {d.Location}"), Is.Empty);
        Assert.That(report.Diagnostics.Where(d => d.Severity == Severity.Note).Select(d => d.RuleId), Has.None.StartsWith("SURF-"));
    }

    [Test]
    public async Task Groups_without_a_surface_attribute_are_not_checked()
    {
        var store = new MemoryStore();
        await Reference.Zarr.ZarrGroup.CreateAsync(store, "/");
        ValidationReport report = await ZarrValidator.ValidateAsync(store, "memory", new ValidationOptions { Checks = [new SurfaceZarrCheck()] }, null);
        Assert.That(report.Diagnostics.Where(d => d.RuleId.StartsWith("SURF-", StringComparison.Ordinal)), Is.Empty);
    }
}
