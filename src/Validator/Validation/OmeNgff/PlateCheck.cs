using System.Text.Json.Nodes;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>High-content screening: "plate" and "well" metadata (0.5 hcs-layout, plate-md, well-md).</summary>
internal static class PlateCheck
{
    private static readonly string[] TimeFields = ["starttime", "endtime"];

    public static void CheckPlate(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("plate");
        if (ome["plate"] is not JsonObject plate)
        {
            context.Report(OmeRules.Plate001, ome.Path, pointer, $"\"plate\" is {OmeJson.Describe(ome["plate"])}, not an object");
            return;
        }
        string?[] columns = Names(ome, plate, "columns", pointer, context);
        string?[] rows = Names(ome, plate, "rows", pointer, context);
        if (plate["wells"] is not JsonArray { Count: > 0 } wells)
        {
            context.Report(OmeRules.Plate001, ome.Path, OmeJson.Child(pointer, "wells"), "\"wells\" is not a non-empty list");
        }
        else
        {
            for (int i = 0; i < wells.Count; i++)
            {
                CheckWellEntry(ome, wells[i], OmeJson.Child(OmeJson.Child(pointer, "wells"), i), rows, columns, context);
            }
        }
        if (plate.ContainsKey("acquisitions"))
        {
            CheckAcquisitions(ome, plate["acquisitions"], OmeJson.Child(pointer, "acquisitions"), context);
        }
        if (!ome.Namespaced && !OmeJson.IsString(plate["version"], out _))
        {
            context.Report(OmeRules.Plate006, ome.Path, pointer, "a 0.4 plate has no \"version\" string");
        }
        if (plate.ContainsKey("field_count") && !(OmeJson.IsInteger(plate["field_count"], out long count) && count > 0))
        {
            context.Report(OmeRules.Plate007, ome.Path, OmeJson.Child(pointer, "field_count"), "\"field_count\" is not a positive integer");
        }
        if (plate.ContainsKey("name") && !OmeJson.IsString(plate["name"], out _))
        {
            context.Report(OmeRules.Plate007, ome.Path, OmeJson.Child(pointer, "name"), "\"name\" is not a string");
        }
    }

    /// <summary>The names of the columns or rows by index, null where unusable.</summary>
    private static string?[] Names(OmeMetadata ome, JsonObject plate, string key, string pointer, OmeContext context)
    {
        pointer = OmeJson.Child(pointer, key);
        if (plate[key] is not JsonArray { Count: > 0 } list)
        {
            context.Report(OmeRules.Plate001, ome.Path, pointer, $"\"{key}\" is not a non-empty list");
            return [];
        }
        string?[] names = new string?[list.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            string at = OmeJson.Child(pointer, i);
            if (list[i] is not JsonObject entry || !OmeJson.IsString(entry["name"], out string name))
            {
                context.Report(OmeRules.Plate002, ome.Path, at, "the entry is not an object with a \"name\" string");
            }
            else if (!OmeJson.IsAlphanumeric(name))
            {
                context.Report(OmeRules.Plate002, ome.Path, OmeJson.Child(at, "name"), $"\"{name}\" is not alphanumeric");
            }
            else if (!seen.Add(name))
            {
                context.Report(OmeRules.Plate002, ome.Path, OmeJson.Child(at, "name"), $"\"{name}\" appears twice");
            }
            else
            {
                names[i] = name;
            }
        }
        return names;
    }

    private static void CheckWellEntry(OmeMetadata ome, JsonNode? node, string pointer, string?[] rows, string?[] columns, OmeContext context)
    {
        if (node is not JsonObject well || !OmeJson.IsString(well["path"], out string path))
        {
            context.Report(OmeRules.Plate003, ome.Path, pointer, "the well is not an object with a \"path\" string");
            return;
        }
        bool rowOk = OmeJson.IsInteger(well["rowIndex"], out long row) && row >= 0 && row < rows.Length;
        bool columnOk = OmeJson.IsInteger(well["columnIndex"], out long column) && column >= 0 && column < columns.Length;
        if (!rowOk || !columnOk)
        {
            context.Report(OmeRules.Plate003, ome.Path, pointer, "\"rowIndex\" and \"columnIndex\" are not integers indexing the rows and columns");
        }
        else if (rows[row] is string r && columns[column] is string c && path != r + "/" + c)
        {
            context.Report(OmeRules.Plate003, ome.Path, OmeJson.Child(pointer, "path"), $"\"{path}\" is not \"{r}/{c}\", the row and column its indices name");
        }
        else if (path.Split('/') is not [string first, string second] || !rows.Contains(first) || !columns.Contains(second))
        {
            context.Report(OmeRules.Plate003, ome.Path, OmeJson.Child(pointer, "path"), $"\"{path}\" is not a row name, a slash and a column name");
        }
        if (context.Ome(OmeContext.Resolve(ome.Path, path))?.Has("well") != true)
        {
            context.Report(OmeRules.Plate004, ome.Path, OmeJson.Child(pointer, "path"), $"\"{path}\" is not a group with well metadata");
        }
    }

    private static void CheckAcquisitions(OmeMetadata ome, JsonNode? node, string pointer, OmeContext context)
    {
        if (node is not JsonArray list)
        {
            context.Report(OmeRules.Plate005, ome.Path, pointer, $"\"acquisitions\" is {OmeJson.Describe(node)}, not a list");
            return;
        }
        var ids = new HashSet<long>();
        for (int i = 0; i < list.Count; i++)
        {
            string at = OmeJson.Child(pointer, i);
            if (list[i] is not JsonObject acquisition || !OmeJson.IsInteger(acquisition["id"], out long id) || id < 0)
            {
                context.Report(OmeRules.Plate005, ome.Path, at, "the acquisition is not an object with a non-negative integer \"id\"");
                continue;
            }
            if (!ids.Add(id))
            {
                context.Report(OmeRules.Plate005, ome.Path, OmeJson.Child(at, "id"), $"acquisition id {id} appears twice");
            }
            if (acquisition.ContainsKey("maximumfieldcount") && !(OmeJson.IsInteger(acquisition["maximumfieldcount"], out long max) && max > 0))
            {
                context.Report(OmeRules.Plate005, ome.Path, OmeJson.Child(at, "maximumfieldcount"), "\"maximumfieldcount\" is not a positive integer");
            }
            foreach (string key in TimeFields.Where(acquisition.ContainsKey))
            {
                if (!(OmeJson.IsInteger(acquisition[key], out long time) && time >= 0))
                {
                    context.Report(OmeRules.Plate005, ome.Path, OmeJson.Child(at, key), $"\"{key}\" is not a non-negative integer timestamp");
                }
            }
        }
    }

    public static void CheckWell(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("well");
        if (ome["well"] is not JsonObject well || well["images"] is not JsonArray images)
        {
            context.Report(OmeRules.Well001, ome.Path, pointer, "\"well\" is not an object with an \"images\" list");
            return;
        }
        if (!ome.Namespaced && !OmeJson.IsString(well["version"], out _))
        {
            context.Report(OmeRules.Well004, ome.Path, pointer, "a 0.4 well has no \"version\" string");
        }
        // well-md: acquisitions are checked against the plate two levels up, where it lists some.
        HashSet<long>? acquisitions = null;
        if (OmeContext.Parent(ome.Path) is string row && context.Ome(OmeContext.Parent(row))?["plate"] is JsonObject plate
            && plate["acquisitions"] is JsonArray { Count: > 0 } listed)
        {
            acquisitions = [.. listed.OfType<JsonObject>().Select(a => OmeJson.IsInteger(a["id"], out long id) ? id : -1)];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < images.Count; i++)
        {
            string at = OmeJson.Child(OmeJson.Child(pointer, "images"), i);
            if (images[i] is not JsonObject image || !OmeJson.IsString(image["path"], out string path))
            {
                context.Report(OmeRules.Well001, ome.Path, at, "the image is not an object with a \"path\" string");
                continue;
            }
            if (!OmeJson.IsAlphanumeric(path) || !seen.Add(path))
            {
                context.Report(OmeRules.Well001, ome.Path, OmeJson.Child(at, "path"), $"\"{path}\" is not alphanumeric or appears twice");
            }
            else if (!context.IsImage(OmeContext.Resolve(ome.Path, path)))
            {
                context.Report(OmeRules.Well002, ome.Path, OmeJson.Child(at, "path"), $"\"{path}\" is not a group with multiscales metadata");
            }
            if (image.ContainsKey("acquisition"))
            {
                if (!OmeJson.IsInteger(image["acquisition"], out long acquisition))
                {
                    context.Report(OmeRules.Well003, ome.Path, OmeJson.Child(at, "acquisition"), "\"acquisition\" is not an integer");
                }
                else if (acquisitions is not null && !acquisitions.Contains(acquisition))
                {
                    context.Report(OmeRules.Well003, ome.Path, OmeJson.Child(at, "acquisition"), $"acquisition {acquisition} is not an acquisition of the plate");
                }
            }
            else if (acquisitions is { Count: > 1 })
            {
                context.Report(OmeRules.Well003, ome.Path, at, "the plate lists several acquisitions but the image names none");
            }
        }
    }
}
