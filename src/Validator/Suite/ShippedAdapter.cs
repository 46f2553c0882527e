using System.Text.Json;

namespace Conformance.Validator.Suite;

/// <summary>
/// An adapter shipped in the checkout, described by <c>adapters/NAME/adapter.json</c>: its name,
/// command line and known deviations, paths relative to the checkout, where it runs.
/// </summary>
public sealed record ShippedAdapter(string Name, string Command, string? DeviationsPath, string Root)
{
    /// <summary>Every <c>adapters/*/adapter.json</c> under <paramref name="root"/>, by name.</summary>
    public static IReadOnlyList<ShippedAdapter> Find(string root)
    {
        string folder = Path.Combine(root, "adapters");
        return !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "adapter.json", SearchOption.AllDirectories).Select(f => Load(f, root)).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    public static ShippedAdapter Load(string path, string root)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement description = document.RootElement;
            return new ShippedAdapter(
                description.GetProperty("name").GetString()!,
                description.GetProperty("command").GetString()!,
                description.TryGetProperty("deviations", out JsonElement deviations) ? deviations.GetString() : null,
                root);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path}: an adapter description is {{\"name\", \"command\", \"deviations\"?}}: {e.Message}", e);
        }
    }

    public Deviations LoadDeviations() => DeviationsPath is null ? Deviations.None : Deviations.Load(Path.Combine(Root, DeviationsPath));

    public Task<Adapter> StartAsync(TimeSpan timeout, CancellationToken cancellationToken) => Adapter.StartAsync(Command, timeout, Root, cancellationToken);
}
