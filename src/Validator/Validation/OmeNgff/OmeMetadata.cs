using System.Text.Json.Nodes;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>
/// The OME metadata of one node: the object holding the OME keys (<c>attributes.ome</c> in
/// 0.5, <c>attributes</c> itself in 0.4 style), where it sits in the node's zarr.json, and the
/// version it states.
/// </summary>
internal sealed record OmeMetadata(string Path, JsonObject Root, string Pointer, bool Namespaced, string? Version, string VersionPointer)
{
    /// <summary>The OME keys recognised at the top of the attributes in 0.4 style.</summary>
    public static readonly string[] Keys = ["multiscales", "omero", "labels", "image-label", "plate", "well", "bioformats2raw.layout"];

    /// <summary>The 0.4 objects other than multiscales entries that state a version.</summary>
    private static readonly string[] VersionedKeys = ["plate", "well", "image-label"];

    /// <summary>True when the rules of a version this check knows apply.</summary>
    public bool Checked => Namespaced ? Version == "0.5" : Version is null or "0.4";

    public JsonNode? this[string key] => Root.TryGetPropertyValue(key, out JsonNode? value) ? value : null;

    public bool Has(string key) => Root.ContainsKey(key);

    public string At(string key) => OmeJson.Child(Pointer, key);

    /// <summary>The first multiscales object, if the node holds one.</summary>
    public JsonObject? FirstMultiscales => this["multiscales"] is JsonArray { Count: > 0 } list ? list[0] as JsonObject : null;

    /// <summary>
    /// The node's OME metadata, or null when it has none. A namespaced "ome" that is not an
    /// object, or one without a version string, is reported here.
    /// </summary>
    public static OmeMetadata? Read(string path, JsonObject attributes, OmeContext context)
    {
        if (attributes.TryGetPropertyValue("ome", out JsonNode? ome))
        {
            if (ome is not JsonObject root)
            {
                context.Report(OmeRules.Meta001, path, "/attributes/ome", $"\"ome\" is {OmeJson.Describe(ome)}, not an object");
                return null;
            }
            string? version = null;
            if (OmeJson.IsString(root["version"], out string v))
            {
                version = v;
            }
            else
            {
                context.Report(OmeRules.Version001, path, root.ContainsKey("version") ? "/attributes/ome/version" : "/attributes/ome", $"\"ome.version\" is {OmeJson.Describe(root["version"])}, not a string");
            }
            return new OmeMetadata(path, root, "/attributes/ome", true, version, "/attributes/ome/version");
        }
        bool seriesGroup = path.EndsWith("/OME", StringComparison.Ordinal) && attributes.ContainsKey("series");
        if (!seriesGroup && !Keys.Any(attributes.ContainsKey))
        {
            return null;
        }
        // 0.4 states the version inside each object; they must agree with one another.
        var stated = new List<(string Version, string Pointer)>();
        if (attributes["multiscales"] is JsonArray multiscales)
        {
            for (int i = 0; i < multiscales.Count; i++)
            {
                if (multiscales[i] is JsonObject m && OmeJson.IsString(m["version"], out string mv))
                {
                    stated.Add((mv, $"/attributes/multiscales/{i}/version"));
                }
            }
        }
        foreach (string key in VersionedKeys)
        {
            if (attributes[key] is JsonObject o && OmeJson.IsString(o["version"], out string ov))
            {
                stated.Add((ov, $"/attributes/{key}/version"));
            }
        }
        foreach ((string version, string pointer) in stated.Skip(1).Where(s => s.Version != stated[0].Version))
        {
            context.Report(OmeRules.Version002, path, pointer, $"version \"{version}\" differs from \"{stated[0].Version}\" at {stated[0].Pointer} in the same node");
        }
        return stated.Count == 0
            ? new OmeMetadata(path, attributes, "/attributes", false, null, "/attributes")
            : new OmeMetadata(path, attributes, "/attributes", false, stated[0].Version, stated[0].Pointer);
    }
}
