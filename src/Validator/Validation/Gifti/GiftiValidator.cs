using Conformance.Reference.Gifti;

namespace Conformance.Validator.Validation.Gifti;

/// <summary>
/// Checks a GIFTI 1.0 file (<c>.gii</c>) and reports every finding rather than the first: the XML
/// structure, each element's attributes and order, each DataArray's payload (decoded by the
/// reference reader one array at a time, so one bad array hides nothing in the others), and the
/// intents' geometry: point sets, triangles, node indices and per-vertex arrays.
/// </summary>
/// <remarks>GIFTI Surface Data Format 1.0, sections 2.0 (XML tags), 4.0 (encodings) and 5.0 (compression).</remarks>
public sealed class GiftiValidator : IFileValidator
{
    public string Format => "gifti";

    public bool Detects(string path) => GiftiFile.Detect(path);

    public Task<ValidationReport> ValidateAsync(string path, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        var sink = new DiagnosticSink(options);
        var check = new GiftiDocumentCheck(path, GiftiReaderOptions.Default, sink);
        check.Run(cancellationToken);
        if (check.Arrays.Count > 0)
        {
            GiftiGeometryCheck.Run(Path.GetFileName(path), check.Arrays, sink);
        }
        var statistics = new ValidationStatistics(1, check.Arrays.Count, 1 + check.ExternalFiles, check.ArraysDecoded, check.BytesChecked);
        return Task.FromResult(new ValidationReport(path, options.Profile, options.Deep, sink.Sorted(), statistics));
    }
}
