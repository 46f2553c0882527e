using System.Reflection;
using System.Text.Json;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Suite;
using Conformance.Validator.Validation;

namespace Conformance.Validator.Commands;

/// <summary>
/// <c>conformance adapter</c>: the reference implementation behind the adapter protocol
/// (spec/adapter-protocol.md), so the suite runs it like any other implementation.
/// </summary>
public static class AdapterCommand
{
    public static async Task InfoAsync(TextWriter output, CancellationToken cancellationToken)
    {
        string version = typeof(ZarrArray).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, ElementLines.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("name", "conformance-reference");
            writer.WriteString("version", version);
            writer.WriteString("language", "C#");
            writer.WriteStartArray("features");
            foreach (string feature in SuiteFeatures.Reference)
            {
                writer.WriteStringValue(feature);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
    }

    public static async Task ReadAsync(string storePath, string arrayPath, TextWriter output, CancellationToken cancellationToken)
    {
        // Opened by path rather than found among children, so a missing node is a refusal
        // (ZARR-META-016) like any other, not a usage error.
        Node node = await ZarrHierarchy.OpenAsync(InputOpener.OpenStore(storePath), arrayPath, cancellationToken: cancellationToken);
        await CatCommand.WriteAsync(node, output, cancellationToken);
    }

    public static async Task WriteAsync(string casePath, string storePath, CancellationToken cancellationToken)
    {
        if (Directory.Exists(storePath) && Directory.EnumerateFileSystemEntries(storePath).Any())
        {
            throw new UsageException($"{storePath} exists and is not empty");
        }
        byte[] request = await File.ReadAllBytesAsync(casePath, cancellationToken);
        (Reference.Zarr.Metadata.ArrayMetadata metadata, NdArray data) = WriteRequest.Read(request, Path.GetFileName(casePath));
        // Written beside the destination and moved into place, so a failed write leaves nothing.
        string staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, $".{Path.GetFileName(storePath)}.{Guid.NewGuid():N}");
        try
        {
            using (data)
            {
                ZarrArray array = await ZarrArray.CreateAsync(new DirectoryStore(staging), "/", metadata, cancellationToken: cancellationToken);
                await array.WriteAllAsync(data, cancellationToken);
            }
            if (Directory.Exists(storePath))
            {
                Directory.Delete(storePath);
            }
            Directory.Move(staging, storePath);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    public static async Task ValidateAsync(string storePath, TextWriter output, CancellationToken cancellationToken)
    {
        Store store = InputOpener.OpenStore(storePath);
        ValidationReport report = await ZarrValidator.ValidateAsync(store, storePath, new ValidationOptions { Deep = true }, null, cancellationToken);
        Diagnostic? first = report.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, ElementLines.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", first is null);
            writer.WriteString("message", first is null ? "no errors" : $"{first.RuleId} at {first.Location}: {first.Message}");
            writer.WriteEndObject();
        }
        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
    }
}
