namespace Conformance.Validator.Fixtures.FreeSurfer;

/// <summary>Makes a one-file case of the <c>freesurfer</c> corpus.</summary>
internal static class FreeSurferCase
{
    public const string Corpus = "freesurfer";

    public const string SurfaceIo = "https://github.com/freesurfer/freesurfer/blob/dev/utils/mrisurf_io.cpp";

    public const string ColorTableCode = "https://github.com/freesurfer/freesurfer/blob/dev/utils/colortab.cpp";

    public const string LabelCode = "https://github.com/freesurfer/freesurfer/blob/dev/utils/label.cpp";

    public const string AnnotationWiki = "https://surfer.nmr.mgh.harvard.edu/fswiki/LabelsClutsAnnotationFiles#Annotation";

    public static FixtureCase Valid(string area, string name, string description, string spec, string file, byte[] bytes, params string[] warnings) =>
        Make(new FixtureCase(Corpus, area, name, description, spec, "valid", warnings: warnings) { File = file }, file, bytes);

    public static FixtureCase Invalid(string area, string name, string description, string spec, string file, byte[] bytes, params string[] rules) =>
        Make(new FixtureCase(Corpus, area, name, description, spec, "invalid", rules: rules) { File = file }, file, bytes);

    public static FixtureCase Unsupported(string area, string name, string description, string spec, string file, byte[] bytes, params string[] rules) =>
        Make(new FixtureCase(Corpus, area, name, description, spec, "unsupported", rules: rules) { File = file }, file, bytes);

    private static FixtureCase Make(FixtureCase fixture, string file, byte[] bytes) => fixture.Raw(file, bytes);
}
