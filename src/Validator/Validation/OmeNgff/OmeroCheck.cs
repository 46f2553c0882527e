using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>The transitional "omero" rendering metadata (OME-NGFF 0.5 omero-md).</summary>
internal static class OmeroCheck
{
    private static readonly string[] ChannelFields = ["color", "window"];

    private static readonly string[] WindowFields = ["min", "max", "start", "end"];

    public static void Check(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("omero");
        if (ome["omero"] is not JsonObject omero || omero["channels"] is not JsonArray channels)
        {
            context.Report(OmeRules.Omero001, ome.Path, pointer, "\"omero\" is not an object with a \"channels\" list");
            return;
        }
        pointer = OmeJson.Child(pointer, "channels");
        for (int c = 0; c < channels.Count; c++)
        {
            string at = OmeJson.Child(pointer, c);
            if (channels[c] is not JsonObject channel)
            {
                context.Report(OmeRules.Omero001, ome.Path, at, $"a channel is {OmeJson.Describe(channels[c])}, not an object");
                continue;
            }
            foreach (string field in ChannelFields.Where(f => !channel.ContainsKey(f)))
            {
                context.Report(OmeRules.Omero003, ome.Path, at, $"the channel has no \"{field}\"");
            }
            if (channel.ContainsKey("color") && !(OmeJson.IsString(channel["color"], out string color) && color.Length == 6 && color.All(char.IsAsciiHexDigit)))
            {
                context.Report(OmeRules.Omero002, ome.Path, OmeJson.Child(at, "color"), "\"color\" is not a string of 6 hexadecimal digits");
            }
            if (channel.ContainsKey("window"))
            {
                string[] bad = channel["window"] is JsonObject window ? [.. WindowFields.Where(f => !OmeJson.IsNumber(window[f], out _))] : WindowFields;
                if (bad.Length > 0)
                {
                    context.Report(OmeRules.Omero004, ome.Path, OmeJson.Child(at, "window"), $"\"window\" lacks the number(s) {string.Join(", ", bad)}");
                }
            }
        }
        if (ChannelAxisSize(ome, context) is long size && size != channels.Count)
        {
            context.Report(OmeRules.Omero005, ome.Path, pointer, $"{channels.Count} channels for a channel axis of size {size}");
        }
    }

    /// <summary>The length of the channel axis in the first level of the first multiscales, where that can be read.</summary>
    private static long? ChannelAxisSize(OmeMetadata ome, OmeContext context)
    {
        if (ome.FirstMultiscales is not { } multiscale
            || multiscale["axes"] is not JsonArray axes
            || multiscale["datasets"] is not JsonArray { Count: > 0 } datasets
            || datasets[0] is not JsonObject first
            || !OmeJson.IsString(first["path"], out string path)
            || context.Node(OmeContext.Resolve(ome.Path, path)) is not ArrayMetadata array
            || array.Shape.Length != axes.Count)
        {
            return null;
        }
        for (int k = 0; k < axes.Count; k++)
        {
            if (axes[k] is JsonObject axis && OmeJson.IsString(axis["type"], out string type) && type == "channel")
            {
                return array.Shape[k];
            }
        }
        return null;
    }
}
