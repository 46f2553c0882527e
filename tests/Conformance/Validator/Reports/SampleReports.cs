using Conformance.Validator.Reports;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Reports;

/// <summary>Reports built by hand, so each writer is tested on findings of every shape without running a validation.</summary>
internal static class SampleReports
{
    public static ValidationReport Clean { get; } = new(
        "data/clean.zarr", ValidationProfile.Strict, false, [], new ValidationStatistics(1, 2, 7, 0, 0));

    /// <summary>
    /// Findings in the validator's order across the store as a whole, chunks, byte ranges and
    /// JSON pointers, at all three severities, with text that needs escaping in JSON and XML.
    /// </summary>
    public static ValidationReport Mixed { get; } = new(
        "data/mixed.zarr",
        ValidationProfile.Interoperable,
        true,
        [
            new Diagnostic("ZARR-STORE-001", Severity.Error, new DiagnosticLocation(), "key \"a//b\" has an empty segment"),
            new Diagnostic("ZARR-CODEC-CRC32C-002", Severity.Error, new DiagnosticLocation("a/c/0/0", Chunk: [0, 0], ByteStart: 4092, ByteLength: 4), "checksum 0x1234ABCD, computed 0x00000000"),
            new Diagnostic("ZARR-CHUNK-001", Severity.Error, new DiagnosticLocation("a/c/1/0", Chunk: [1, 0], ByteStart: 16), "decodes to more than 4096 bytes"),
            new Diagnostic("ZARR-LIMIT-001", Severity.Warning, new DiagnosticLocation("a/c/1/0", Chunk: [1, 0]), "not checked: the chunk decodes to 3 GiB"),
            new Diagnostic("ZARR-CODEC-SHARDING-003", Severity.Error, new DiagnosticLocation("a/zarr.json", "/codecs/0/configuration/index_codecs"), "index_codecs holds zstd, whose output size depends on the data"),
            new Diagnostic("ZARR-META-013", Severity.Warning, new DiagnosticLocation("a/zarr.json", "/dimension_names"), "dimension name \"tëmp <K> & co\" appears twice"),
            new Diagnostic("ZARR-LIMIT-002", Severity.Note, new DiagnosticLocation("b/zarr.json", "/attributes"), "attributes nest 70 levels deep; read up to 64"),
        ],
        new ValidationStatistics(2, 2, 14, 3, 12288));

    /// <summary>The writer's output with the tool version, which changes with every build, replaced.</summary>
    public static async Task<string> WriteAsync(ReportFormat format, ValidationReport report)
    {
        using var output = new StringWriter();
        await ReportWriter.WriteAsync(format, report, RuleCatalog.Default, output);
        return output.ToString().Replace(ReportTool.Version, "{version}", StringComparison.Ordinal);
    }
}
