using Conformance.Reference.Gifti;
using Conformance.Tests.Support;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.Gifti;

namespace Conformance.Tests.Validator.Validation.Gifti;

/// <summary>
/// The GIFTI validator reports every finding in a file, each once and where it is, where the
/// reader stops at the first.
/// </summary>
public sealed class GiftiValidatorTests
{
    private static Task<ValidationReport> ValidateAsync(string path) => new GiftiValidator().ValidateAsync(path, new ValidationOptions());

    private static (string Rule, string? Pointer)[] Findings(ValidationReport report) =>
        [.. report.Diagnostics.Select(d => (d.RuleId, d.Location.Pointer))];

    [Test]
    public async Task A_file_with_many_problems_yields_each_once()
    {
        using var directory = new TempDirectory();
        string path = GiftiTestFiles.Edited(
            directory,
            "valid/surface/with-shape",
            ("NumberOfDataArrays=\"3\"", "NumberOfDataArrays=\"5\""),
            ("      <Name><![CDATA[AnatomicalStructurePrimary]]></Name>\n", ""),
            ("<TransformedSpace><![CDATA[NIFTI_XFORM_TALAIRACH]]>", "<TransformedSpace><![CDATA[TLRC]]>"),
            ("1 2 3\n", "1 2 9\n"),
            ("0.25 0.5", "0.25 x"),
            ("Dimensionality=\"1\" Dim0=\"4\" Encoding=\"ASCII\"", "Dimensionality=\"1\" Dim0=\"4\" Encoding=\"Base64\""));
        ValidationReport report = await ValidateAsync(path);
        Assert.That(Findings(report), Is.EquivalentTo(new (string, string?)[]
        {
            (GiftiRules.NumberOfDataArrays, "/GIFTI"),
            (GiftiRules.MetaDataEntry, "/GIFTI/MetaData/MD[1]"),
            (GiftiValidatorRules.TransformSpace, "/GIFTI/DataArray[1]/CoordinateSystemTransformMatrix[1]/TransformedSpace"),
            (GiftiValidatorRules.TriangleIndex, "/GIFTI/DataArray[2]"),
            (GiftiRules.Encoding, "/GIFTI/DataArray[3]"),
        }));
        Assert.That(report.Diagnostics.Select(d => d.Location.Key), Is.All.EqualTo("surface.gii"));
        Assert.That((report.Errors, report.Warnings), Is.EqualTo((4, 1)));
    }

    [Test]
    public async Task One_bad_array_hides_nothing_in_the_others()
    {
        using var directory = new TempDirectory();
        string path = GiftiTestFiles.Edited(directory, "valid/time-series/three-points", ("0.5 1.5", "x 1.5"), ("20.5", "y"), ("Dim0=\"4\" Encoding=\"ASCII\" Endian=\"LittleEndian\" ExternalFileName=\"\" ExternalFileOffset=\"\">\n    <MetaData />\n    <Data>\n10.5", "Dim0=\"5\" Encoding=\"ASCII\" Endian=\"LittleEndian\" ExternalFileName=\"\" ExternalFileOffset=\"\">\n    <MetaData />\n    <Data>\n10.5"));
        ValidationReport report = await ValidateAsync(path);
        Assert.That(Findings(report), Is.EquivalentTo(new (string, string?)[]
        {
            (GiftiRules.AsciiData, "/GIFTI/DataArray[1]/Data"),
            (GiftiRules.ElementCount, "/GIFTI/DataArray[2]/Data"),
            (GiftiRules.AsciiData, "/GIFTI/DataArray[3]/Data"),
        }));
        Assert.That(report.Statistics.Arrays, Is.EqualTo(3));
    }

    [Test]
    public async Task A_sound_file_has_no_findings_and_counts_what_it_read()
    {
        ValidationReport report = await ValidateAsync(GiftiTestFiles.Fixture("valid/external/nibabel-layout"));
        Assert.That(report.Diagnostics, Is.Empty);
        Assert.That(report.Statistics, Is.EqualTo(new ValidationStatistics(1, 2, 2, 2, new FileInfo(GiftiTestFiles.Fixture("valid/external/nibabel-layout")).Length)));
    }

    [Test]
    public async Task An_internal_subset_stops_the_check_before_anything_is_expanded()
    {
        ValidationReport report = await ValidateAsync(GiftiTestFiles.Fixture("unsupported/xml/internal-subset"));
        Assert.That(report.Diagnostics.Select(d => (d.RuleId, d.Severity)), Is.EqualTo(new[] { (GiftiRules.NoInternalDtd, Severity.Warning) }));
    }

    [Test]
    public void The_validator_claims_gii_files_and_nothing_else()
    {
        Assert.That(FileValidators.For(GiftiTestFiles.Fixture("valid/surface/ascii")), Is.InstanceOf<GiftiValidator>());
        Assert.That(FileValidators.For(Path.Combine(RepoPaths.Fixtures, "gifti", "README.md")), Is.Null);
    }

    [Test]
    public async Task Profiles_and_selection_apply_to_gifti_rules()
    {
        string path = GiftiTestFiles.Fixture("valid/geometry/repeated-point");
        ValidationReport lenient = await new GiftiValidator().ValidateAsync(path, new ValidationOptions { Profile = ValidationProfile.Lenient });
        Assert.That(lenient.Diagnostics.Select(d => (d.RuleId, d.Severity)), Is.EqualTo(new[] { (GiftiValidatorRules.DegenerateTriangle, Severity.Note) }));
        ValidationReport ignored = await new GiftiValidator().ValidateAsync(path, new ValidationOptions { Ignore = ["GIFTI-GEOM"] });
        Assert.That(ignored.Diagnostics, Is.Empty);
    }
}
