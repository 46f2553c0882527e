using System.Text.Json;
using Conformance.Validator.Commands;

namespace Conformance.Validator.Suite;

/// <summary>A suite report as JSON, following spec/suite-result.schema.json.</summary>
public static class SuiteReportJson
{
    public static byte[] Write(SuiteReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ElementLines.WriterOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("implementations");
            foreach (AdapterInfo info in report.Implementations)
            {
                writer.WriteStartObject();
                writer.WriteString("name", info.Name);
                writer.WriteString("version", info.Version);
                writer.WriteString("language", info.Language);
                writer.WriteStartArray("features");
                foreach (string feature in info.Features.Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(feature);
                }
                writer.WriteEndArray();
                if (info.WriteFeatures is not null)
                {
                    writer.WriteStartArray("write_features");
                    foreach (string feature in info.WriteFeatures.Order(StringComparer.Ordinal))
                    {
                        writer.WriteStringValue(feature);
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("cases");
            foreach (SuiteCase c in report.Cases)
            {
                writer.WriteStartObject();
                writer.WriteString("id", c.Id);
                writer.WriteString("kind", SuiteCase.KindName(c.Kind));
                writer.WriteString("area", c.Area);
                writer.WriteString("folder", c.Folder);
                writer.WriteString("description", c.Description);
                writer.WriteString("scope", c.Features.Any(SuiteFeatures.IsExtension) ? "extension" : "core");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("results");
            foreach ((string implementation, CaseResult result) in report.Results)
            {
                writer.WriteStartObject();
                writer.WriteString("implementation", implementation);
                writer.WriteString("case", result.Case.Id);
                writer.WriteString("outcome", Name(result.Outcome));
                writer.WriteString("message", result.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("cross");
            foreach (CrossResult cross in report.Cross)
            {
                writer.WriteStartObject();
                writer.WriteString("writer", cross.Writer);
                writer.WriteString("reader", cross.Reader);
                writer.WriteString("case", cross.Case.Folder);
                writer.WriteString("outcome", Name(cross.Outcome));
                writer.WriteString("message", cross.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("problems");
            foreach (string problem in report.Problems)
            {
                writer.WriteStringValue(problem);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string Name(CaseOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
