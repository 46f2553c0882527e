using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>What the OME checks share: every node by path, the OME metadata found, and the report callback.</summary>
internal sealed class OmeContext(IReadOnlyDictionary<string, NodeMetadata> nodes, Action<string, DiagnosticLocation, string> report)
{
    private readonly Dictionary<string, OmeMetadata> _ome = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, NodeMetadata> Nodes => nodes;

    public IReadOnlyCollection<OmeMetadata> Found => _ome.Values;

    public void Add(OmeMetadata metadata) => _ome[metadata.Path] = metadata;

    public OmeMetadata? Ome(string? path) => path is not null && _ome.TryGetValue(path, out OmeMetadata? m) ? m : null;

    public NodeMetadata? Node(string? path) => path is not null && nodes.TryGetValue(path, out NodeMetadata? n) ? n : null;

    /// <summary>True when <paramref name="path"/> is a node with a multiscales list: an image group.</summary>
    public bool IsImage(string? path) => Ome(path)?["multiscales"] is JsonArray;

    public void Report(string ruleId, string path, string pointer, string message) =>
        report(ruleId, new DiagnosticLocation(Key(path), pointer), message);

    /// <summary>The store key of a node's metadata document.</summary>
    public static string Key(string path) => path == "/" ? "zarr.json" : path[1..] + "/zarr.json";

    public static string? Parent(string path) => path == "/" ? null : path.LastIndexOf('/') is 0 ? "/" : path[..path.LastIndexOf('/')];

    /// <summary>
    /// A path relative to a group, as OME paths are ("0", "A/1", "../../"), resolved to a node
    /// path; null when it climbs above the root.
    /// </summary>
    public static string? Resolve(string group, string relative)
    {
        var segments = new List<string>(group.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (string part in relative.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(part);
        }
        return "/" + string.Join('/', segments);
    }
}
