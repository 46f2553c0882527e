using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Commands;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Suite;

/// <summary>
/// One check per case kind (spec/adapter-protocol.md, "Cases"): each runs the adapter and judges
/// its answer against the fixture case, returning an outcome and, unless it passed, why.
/// </summary>
public static class SuiteChecks
{
    /// <summary>Members of a written array's metadata that must equal the request's, compared in canonical form.</summary>
    private static readonly string[] WrittenMembers = ["shape", "data_type", "chunk_grid", "chunk_key_encoding", "fill_value", "codecs", "dimension_names", "attributes"];

    /// <summary>A must-fail read that prints this many values has read the store, whatever it does next.</summary>
    private const long MustFailLines = 100_000;

    public static async Task<(CaseOutcome Outcome, string Message)> ReadAsync(Adapter adapter, SuiteCase fixture, CancellationToken cancellationToken)
    {
        var store = new DirectoryStore(fixture.Store, readOnly: true);
        var problems = new List<string>();
        foreach (string path in fixture.Arrays)
        {
            (ArrayMetadata metadata, JsonElement[] values) = await ExpectedAsync(store, fixture, path, cancellationToken);
            AdapterRun run = await adapter.ReadAsync(fixture.Store, path, values.Length + 1, cancellationToken);
            if (run.Refused)
            {
                return (CaseOutcome.Fail, $"{path}: refused a valid store:\n{run.ErrorTail()}");
            }
            if (!run.Succeeded && !run.Truncated)
            {
                return (CaseOutcome.Error, $"{path}: {Adapter.Describe(run)}");
            }
            if (ValueComparison.Differences(metadata.DataType, metadata.Shape, values, run.Lines) is string differences)
            {
                problems.Add($"{path}: {differences}");
            }
        }
        return problems.Count == 0 ? (CaseOutcome.Pass, "") : (CaseOutcome.Fail, string.Join('\n', problems));
    }

    public static async Task<(CaseOutcome Outcome, string Message)> MustFailAsync(Adapter adapter, SuiteCase fixture, CancellationToken cancellationToken)
    {
        AdapterRun run = await adapter.ReadAsync(fixture.Store, fixture.Target, MustFailLines, cancellationToken);
        if (run.Refused)
        {
            return (CaseOutcome.Pass, "");
        }
        if (run.Succeeded || run.Truncated)
        {
            return (CaseOutcome.Fail, $"read {fixture.Target} ({run.Lines.Count} values printed), which it must refuse: the store breaks {string.Join(", ", fixture.Rules)}");
        }
        return (CaseOutcome.Error, Adapter.Describe(run));
    }

    /// <summary>
    /// Has the adapter write the case's array into <paramref name="output"/> (a folder that does
    /// not exist yet), then validates the result and reads it back against the request.
    /// </summary>
    public static async Task<(CaseOutcome Outcome, string Message)> WriteAsync(Adapter adapter, SuiteCase fixture, string output, CancellationToken cancellationToken)
    {
        var source = new DirectoryStore(fixture.Store, readOnly: true);
        (ArrayMetadata requested, JsonElement[] values) = await ExpectedAsync(source, fixture, "/", cancellationToken);
        string request = output + ".request.json";
        using (JsonDocument metadata = JsonDocument.Parse(requested.ToJson()))
        using (JsonDocument list = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(values)))
        {
            await File.WriteAllBytesAsync(request, WriteRequest.Create(metadata.RootElement, list.RootElement), cancellationToken);
        }
        AdapterRun run = await adapter.WriteAsync(request, output, cancellationToken);
        if (run.Refused)
        {
            return (CaseOutcome.Fail, "declined to write it:\n" + run.ErrorTail());
        }
        if (!run.Succeeded)
        {
            return (CaseOutcome.Error, Adapter.Describe(run));
        }
        if (!File.Exists(Path.Combine(output, "zarr.json")))
        {
            return (CaseOutcome.Fail, "reported success but wrote no zarr.json at the store root");
        }
        var written = new DirectoryStore(output, readOnly: true);
        ValidationReport report = await ZarrValidator.ValidateAsync(written, output, new ValidationOptions { Deep = true, MaxDegreeOfParallelism = 1 }, null, cancellationToken);
        string[] errors = [.. report.Diagnostics.Where(d => d.Severity == Severity.Error).Take(5).Select(d => $"  {d.RuleId} at {d.Location}: {d.Message}")];
        if (errors.Length > 0)
        {
            return (CaseOutcome.Fail, "the written store breaks the spec:\n" + string.Join('\n', errors));
        }
        try
        {
            ZarrArray array = await ZarrArray.OpenAsync(written, "/", cancellationToken: cancellationToken);
            var problems = new List<string>(MetadataDifferences(requested, array.Metadata));
            using NdArray data = await array.ReadAllAsync(cancellationToken);
            if (ValueComparison.Differences(requested.DataType, requested.Shape, values, await LinesAsync(data, cancellationToken)) is string differences)
            {
                problems.Add("read back: " + differences);
            }
            return problems.Count == 0 ? (CaseOutcome.Pass, "") : (CaseOutcome.Fail, string.Join('\n', problems));
        }
        catch (ConformanceException e)
        {
            return (CaseOutcome.Fail, $"the written store cannot be read: {e.RuleId} at {e.Location}: {e.Message}");
        }
    }

    /// <summary>Has another implementation read back what a writer wrote for a case, against the values requested.</summary>
    public static async Task<(CaseOutcome Outcome, string Message)> ReadWrittenAsync(Adapter reader, SuiteCase fixture, string written, CancellationToken cancellationToken)
    {
        (ArrayMetadata requested, JsonElement[] values) = await ExpectedAsync(new DirectoryStore(fixture.Store, readOnly: true), fixture, "/", cancellationToken);
        AdapterRun run = await reader.ReadAsync(written, "/", values.Length + 1, cancellationToken);
        if (run.Refused)
        {
            return (CaseOutcome.Fail, "refused the written store:\n" + run.ErrorTail());
        }
        if (!run.Succeeded && !run.Truncated)
        {
            return (CaseOutcome.Error, Adapter.Describe(run));
        }
        return ValueComparison.Differences(requested.DataType, requested.Shape, values, run.Lines) is string differences
            ? (CaseOutcome.Fail, differences)
            : (CaseOutcome.Pass, "");
    }

    public static async Task<(CaseOutcome Outcome, string Message)> ValidateAsync(Adapter adapter, SuiteCase fixture, CancellationToken cancellationToken)
    {
        AdapterRun run = await adapter.ValidateAsync(fixture.Store, cancellationToken);
        if (!run.Succeeded)
        {
            return (CaseOutcome.Error, Adapter.Describe(run));
        }
        bool valid;
        string message;
        try
        {
            using JsonDocument answer = JsonDocument.Parse(string.Join('\n', run.Lines));
            valid = answer.RootElement.GetProperty("valid").GetBoolean();
            message = answer.RootElement.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (CaseOutcome.Error, "printed no {\"valid\": bool} answer: " + e.Message);
        }
        if (valid == fixture.Valid)
        {
            return (CaseOutcome.Pass, "");
        }
        return (CaseOutcome.Fail, fixture.Valid
            ? $"judged a valid store invalid: {message}"
            : $"judged valid a store that breaks {string.Join(", ", fixture.Rules)}");
    }

    /// <summary>The array's metadata in the fixture store and its expected values from the case's manifest.</summary>
    private static async Task<(ArrayMetadata Metadata, JsonElement[] Values)> ExpectedAsync(Store store, SuiteCase fixture, string path, CancellationToken cancellationToken)
    {
        var metadata = (ArrayMetadata)(await ZarrHierarchy.ReadMetadataAsync(store, path, ZarrOptions.Default, cancellationToken))!;
        string manifest = Path.Combine(Path.GetDirectoryName(fixture.Store)!, "case.json");
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllBytesAsync(manifest, cancellationToken));
        JsonElement[] values = [.. document.RootElement.GetProperty("arrays").GetProperty(path).GetProperty("values").EnumerateArray().Select(v => v.Clone())];
        return (metadata, values);
    }

    private static IEnumerable<string> MetadataDifferences(ArrayMetadata requested, ArrayMetadata written)
    {
        JsonObject want = JsonNode.Parse(requested.ToJson())!.AsObject();
        JsonObject got = JsonNode.Parse(written.ToJson())!.AsObject();
        foreach (string member in WrittenMembers)
        {
            JsonNode? a = want[member];
            JsonNode? b = got[member];
            bool emptyAttributes = member == "attributes" && (a is null or JsonObject { Count: 0 }) && (b is null or JsonObject { Count: 0 });
            if (!emptyAttributes && !JsonNode.DeepEquals(a, b))
            {
                yield return $"metadata \"{member}\": requested {a?.ToJsonString() ?? "nothing"}, written {b?.ToJsonString() ?? "nothing"}";
            }
        }
    }

    private static async Task<string[]> LinesAsync(NdArray data, CancellationToken cancellationToken)
    {
        await using var text = new StringWriter();
        using (var lines = new ElementLines(text))
        {
            await lines.WriteAsync(data, cancellationToken);
        }
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
