using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>The "labels" group and the "image-label" metadata of label images (0.5 labels-md, 0.4 labels-md and label-md).</summary>
internal static class LabelsCheck
{
    public static void CheckLabels(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("labels");
        if (ome["labels"] is not JsonArray list)
        {
            context.Report(OmeRules.Labels001, ome.Path, pointer, $"\"labels\" is {OmeJson.Describe(ome["labels"])}, not a list");
            return;
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            string at = OmeJson.Child(pointer, i);
            if (!OmeJson.IsString(list[i], out string path))
            {
                context.Report(OmeRules.Labels001, ome.Path, at, $"a label path is {OmeJson.Describe(list[i])}, not a string");
                continue;
            }
            string? target = OmeContext.Resolve(ome.Path, path);
            if (target is not null)
            {
                listed.Add(target);
            }
            if (!context.IsImage(target))
            {
                context.Report(OmeRules.Labels002, ome.Path, at, $"\"{path}\" is not a group with multiscales metadata");
                continue;
            }
            CheckLabelImage(ome, context.Ome(target)!, context);
        }
        // labels-md: every label image in the group should be listed.
        foreach (OmeMetadata child in context.Found.Where(m => OmeContext.Parent(m.Path) == ome.Path && m["multiscales"] is JsonArray && !listed.Contains(m.Path)).OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            context.Report(OmeRules.Labels003, ome.Path, pointer, $"label image \"{child.Path[(child.Path.LastIndexOf('/') + 1)..]}\" is not listed");
        }
    }

    /// <summary>A listed label image: integer arrays, image-label metadata, as many levels as its image.</summary>
    private static void CheckLabelImage(OmeMetadata labels, OmeMetadata label, OmeContext context)
    {
        if (!label.Has("image-label"))
        {
            context.Report(OmeRules.Labels006, label.Path, label.Pointer, "the label image has no \"image-label\" metadata");
        }
        JsonArray? levels = label.FirstMultiscales?["datasets"] as JsonArray;
        for (int j = 0; levels is not null && j < levels.Count; j++)
        {
            if (levels[j] is JsonObject dataset && OmeJson.IsString(dataset["path"], out string path)
                && OmeContext.Resolve(label.Path, path) is string target && context.Node(target) is ArrayMetadata array
                && array.DataType is not IntegerDataType)
            {
                context.Report(OmeRules.Labels004, target, "/data_type", $"label array \"{path}\" has data type {array.DataType.Name}, not an integer type");
            }
        }
        OmeMetadata? image = context.Ome(OmeContext.Parent(labels.Path));
        if (levels is not null && image?.FirstMultiscales?["datasets"] is JsonArray imageLevels && imageLevels.Count != levels.Count)
        {
            context.Report(OmeRules.Labels005, label.Path, OmeJson.Child(OmeJson.Child(label.At("multiscales"), 0), "datasets"), $"{levels.Count} label levels for {imageLevels.Count} image levels");
        }
    }

    public static void CheckImageLabel(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("image-label");
        if (ome["image-label"] is not JsonObject imageLabel)
        {
            context.Report(OmeRules.ImageLabel001, ome.Path, pointer, $"\"image-label\" is {OmeJson.Describe(ome["image-label"])}, not an object");
            return;
        }
        if (ome["multiscales"] is not JsonArray)
        {
            context.Report(OmeRules.ImageLabel001, ome.Path, pointer, "a node with \"image-label\" has no multiscales metadata");
        }
        if (!imageLabel.ContainsKey("colors"))
        {
            context.Report(OmeRules.ImageLabel007, ome.Path, pointer, "\"image-label\" has no \"colors\"");
        }
        else
        {
            CheckValues(ome, imageLabel["colors"], OmeJson.Child(pointer, "colors"), OmeRules.ImageLabel002, unique: true, context);
        }
        if (imageLabel.ContainsKey("properties"))
        {
            CheckValues(ome, imageLabel["properties"], OmeJson.Child(pointer, "properties"), OmeRules.ImageLabel004, unique: false, context);
        }
        if (imageLabel.ContainsKey("source"))
        {
            string at = OmeJson.Child(pointer, "source");
            if (imageLabel["source"] is not JsonObject source)
            {
                context.Report(OmeRules.ImageLabel005, ome.Path, at, $"\"source\" is {OmeJson.Describe(imageLabel["source"])}, not an object");
            }
            else if (source.ContainsKey("image"))
            {
                if (!OmeJson.IsString(source["image"], out string image))
                {
                    context.Report(OmeRules.ImageLabel005, ome.Path, OmeJson.Child(at, "image"), $"\"source.image\" is {OmeJson.Describe(source["image"])}, not a string");
                }
                else if (!context.IsImage(OmeContext.Resolve(ome.Path, image)))
                {
                    context.Report(OmeRules.ImageLabel006, ome.Path, OmeJson.Child(at, "image"), $"\"{image}\" is not a group with multiscales metadata");
                }
            }
        }
    }

    /// <summary>"colors" or "properties": objects with an integer label-value; colors unique and with valid rgba.</summary>
    private static void CheckValues(OmeMetadata ome, JsonNode? node, string pointer, string ruleId, bool unique, OmeContext context)
    {
        if (node is not JsonArray list)
        {
            context.Report(ruleId, ome.Path, pointer, $"the value is {OmeJson.Describe(node)}, not a list");
            return;
        }
        var seen = new HashSet<long>();
        for (int i = 0; i < list.Count; i++)
        {
            string at = OmeJson.Child(pointer, i);
            if (list[i] is not JsonObject entry || !OmeJson.IsInteger(entry["label-value"], out long value))
            {
                context.Report(ruleId, ome.Path, at, "the entry is not an object with an integer \"label-value\"");
                continue;
            }
            if (unique && !seen.Add(value))
            {
                context.Report(ruleId, ome.Path, OmeJson.Child(at, "label-value"), $"label-value {value} appears twice");
            }
            if (unique && entry.ContainsKey("rgba")
                && !(entry["rgba"] is JsonArray { Count: 4 } rgba && rgba.All(c => OmeJson.IsInteger(c, out long v) && v is >= 0 and <= 255)))
            {
                context.Report(OmeRules.ImageLabel003, ome.Path, OmeJson.Child(at, "rgba"), "\"rgba\" is not four integers from 0 to 255");
            }
        }
    }
}
