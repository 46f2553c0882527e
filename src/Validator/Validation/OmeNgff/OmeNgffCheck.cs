using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>
/// Checks OME-NGFF (OME-Zarr) metadata across a hierarchy: 0.5 metadata under
/// <c>attributes.ome</c>, and 0.4-style keys at the top of the attributes, against the rules
/// of <c>spec/ome-ngff/rules.json</c>. Nodes without OME metadata produce no findings.
/// </summary>
/// <remarks>
/// <see href="https://ngff.openmicroscopy.org/0.5/index.html">OME-Zarr 0.5</see>,
/// <see href="https://ngff.openmicroscopy.org/0.4/index.html">OME-NGFF 0.4</see>. Findings
/// point into the node's zarr.json (<c>a/zarr.json#/attributes/ome/multiscales/0/axes/2/name</c>).
/// </remarks>
public sealed class OmeNgffCheck : IHierarchyCheck
{
    public ValueTask CheckAsync(IReadOnlyDictionary<string, NodeMetadata> nodes, Store store, Action<string, DiagnosticLocation, string> report, CancellationToken cancellationToken)
    {
        var context = new OmeContext(nodes, report);
        foreach ((string path, NodeMetadata node) in nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            if (OmeMetadata.Read(path, node.Attributes, context) is OmeMetadata ome)
            {
                context.Add(ome);
            }
        }
        CheckVersions(context);
        foreach (OmeMetadata ome in context.Found.Where(m => m.Checked).OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ome.Has("multiscales"))
            {
                MultiscalesCheck.Check(ome, context);
            }
            if (ome.Has("omero"))
            {
                OmeroCheck.Check(ome, context);
            }
            if (ome.Has("labels"))
            {
                LabelsCheck.CheckLabels(ome, context);
            }
            if (ome.Has("image-label"))
            {
                LabelsCheck.CheckImageLabel(ome, context);
            }
            if (ome.Has("plate"))
            {
                PlateCheck.CheckPlate(ome, context);
            }
            if (ome.Has("well"))
            {
                PlateCheck.CheckWell(ome, context);
            }
            CheckLayout(ome, context);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The bioformats2raw layout keeps its OME-XML as <c>OME/METADATA.ome.xml</c> beside the
    /// "OME" group of a collection (0.5, "bioformats2raw.layout"): a key of no Zarr node, but one
    /// the layout asks for.
    /// </summary>
    public bool Claims(string key, IReadOnlyDictionary<string, NodeMetadata> nodes)
    {
        const string Name = "OME/METADATA.ome.xml";
        if (key != Name && !key.EndsWith("/" + Name, StringComparison.Ordinal))
        {
            return false;
        }
        string collection = key.Length == Name.Length ? "/" : "/" + key[..^(Name.Length + 1)];
        return nodes.TryGetValue(collection, out NodeMetadata? node)
            && ((node.Attributes["ome"] is JsonObject ome && ome.ContainsKey("bioformats2raw.layout")) || node.Attributes.ContainsKey("bioformats2raw.layout"));
    }

    /// <summary>
    /// metadata: one version within a hierarchy, each node against its nearest ancestor stating
    /// one; a version this check does not know is reported once and its node left unchecked.
    /// </summary>
    private static void CheckVersions(OmeContext context)
    {
        foreach (OmeMetadata ome in context.Found.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            // A missing version is OME-VERSION-001 already, not a version this check declines.
            if (!ome.Checked && ome.Version is not null)
            {
                context.Report(OmeRules.Version003, ome.Path, ome.VersionPointer, $"OME metadata version \"{ome.Version}\"{(ome.Namespaced ? " under \"ome\"" : "")} is not checked (0.4 and 0.5 are)");
            }
            if (ome.Version is null)
            {
                continue;
            }
            for (string? parent = OmeContext.Parent(ome.Path); parent is not null; parent = OmeContext.Parent(parent))
            {
                if (context.Ome(parent) is { Version: string version } ancestor)
                {
                    if (version != ome.Version)
                    {
                        context.Report(OmeRules.Version002, ome.Path, ome.VersionPointer, $"version \"{ome.Version}\" differs from \"{version}\" in {OmeContext.Key(ancestor.Path)}");
                    }
                    break;
                }
            }
        }
    }

    /// <summary>bf2raw: the layout value and the OME group's "series" list.</summary>
    private static void CheckLayout(OmeMetadata ome, OmeContext context)
    {
        if (ome.Has("bioformats2raw.layout") && !(OmeJson.IsInteger(ome["bioformats2raw.layout"], out long layout) && layout == 3))
        {
            context.Report(OmeRules.Bf2Raw001, ome.Path, ome.At("bioformats2raw.layout"), "\"bioformats2raw.layout\" is not 3");
        }
        if (!ome.Has("series") || !ome.Path.EndsWith("/OME", StringComparison.Ordinal))
        {
            return;
        }
        if (ome["series"] is not JsonArray series)
        {
            context.Report(OmeRules.Bf2Raw002, ome.Path, ome.At("series"), $"\"series\" is {OmeJson.Describe(ome["series"])}, not a list");
            return;
        }
        string root = OmeContext.Parent(ome.Path)!;
        for (int i = 0; i < series.Count; i++)
        {
            if (!OmeJson.IsString(series[i], out string path) || !context.IsImage(OmeContext.Resolve(root, path)))
            {
                context.Report(OmeRules.Bf2Raw002, ome.Path, OmeJson.Child(ome.At("series"), i), "the series entry is not the path of an image group");
            }
        }
    }
}
