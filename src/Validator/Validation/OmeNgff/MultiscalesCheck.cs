using System.Text.Json.Nodes;
using Conformance.Reference.Zarr.Metadata;

namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>
/// "multiscales", its "axes", "datasets" and "coordinateTransformations", and the arrays the
/// datasets name (OME-NGFF 0.5 sections axes-md, trafo-md, multiscale-md; 0.4 the same).
/// </summary>
internal static class MultiscalesCheck
{
    private static readonly HashSet<string> SpaceUnits = new(StringComparer.Ordinal)
    {
        "angstrom", "attometer", "centimeter", "decimeter", "exameter", "femtometer", "foot", "gigameter", "hectometer",
        "inch", "kilometer", "megameter", "meter", "micrometer", "mile", "millimeter", "nanometer", "parsec", "petameter",
        "picometer", "terameter", "yard", "yoctometer", "yottameter", "zeptometer", "zettameter",
    };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal)
    {
        "attosecond", "centisecond", "day", "decisecond", "exasecond", "femtosecond", "gigasecond", "hectosecond", "hour",
        "kilosecond", "megasecond", "microsecond", "millisecond", "minute", "nanosecond", "petasecond", "picosecond",
        "second", "terasecond", "yoctosecond", "yottasecond", "zeptosecond", "zettasecond",
    };

    /// <summary>One axis as far as it could be read: its name and type (null when absent or not a string).</summary>
    private readonly record struct Axis(string? Name, string? Type);

    public static void Check(OmeMetadata ome, OmeContext context)
    {
        string pointer = ome.At("multiscales");
        if (ome["multiscales"] is not JsonArray list || list.Count == 0)
        {
            context.Report(OmeRules.Multiscales001, ome.Path, pointer, $"\"multiscales\" is {OmeJson.Describe(ome["multiscales"])}{(ome["multiscales"] is JsonArray ? " and empty" : "")}, not a non-empty list");
            return;
        }
        for (int i = 0; i < list.Count; i++)
        {
            string at = OmeJson.Child(pointer, i);
            if (list[i] is JsonObject multiscale)
            {
                CheckOne(ome, multiscale, at, context);
            }
            else
            {
                context.Report(OmeRules.Multiscales001, ome.Path, at, $"a multiscales entry is {OmeJson.Describe(list[i])}, not an object");
            }
        }
    }

    private static void CheckOne(OmeMetadata ome, JsonObject multiscale, string pointer, OmeContext context)
    {
        if (!OmeJson.IsString(multiscale["name"], out _))
        {
            context.Report(OmeRules.Multiscales002, ome.Path, pointer, $"\"name\" is {OmeJson.Describe(multiscale["name"])}, not a string");
        }
        if (!OmeJson.IsString(multiscale["type"], out _) || multiscale["metadata"] is not JsonObject)
        {
            context.Report(OmeRules.Multiscales003, ome.Path, pointer, "the downscaling method is not described by a \"type\" string and a \"metadata\" object");
        }
        if (!ome.Namespaced && !OmeJson.IsString(multiscale["version"], out _))
        {
            context.Report(OmeRules.Version004, ome.Path, pointer, "a 0.4 multiscales entry has no \"version\" string");
        }
        List<Axis>? axes = CheckAxes(ome, multiscale["axes"], OmeJson.Child(pointer, "axes"), context);
        int? rank = axes?.Count;
        CheckDatasets(ome, multiscale["datasets"], OmeJson.Child(pointer, "datasets"), axes, context);
        if (multiscale.ContainsKey("coordinateTransformations"))
        {
            // multiscale-md: the same rules as a dataset's transformations, under their own ID.
            CheckTransformations(ome, multiscale["coordinateTransformations"], OmeJson.Child(pointer, "coordinateTransformations"), rank, OmeRules.Transforms006, context);
        }
    }

    /// <summary>The axes, or null when "axes" is not a list of 2-5 objects with usable names.</summary>
    private static List<Axis>? CheckAxes(OmeMetadata ome, JsonNode? node, string pointer, OmeContext context)
    {
        if (node is not JsonArray list)
        {
            context.Report(OmeRules.Axes001, ome.Path, pointer, $"\"axes\" is {OmeJson.Describe(node)}, not a list");
            return null;
        }
        bool usable = true;
        if (list.Count is < 2 or > 5)
        {
            context.Report(OmeRules.Axes001, ome.Path, pointer, $"there are {list.Count} axes, not 2 to 5");
            usable = false;
        }
        var axes = new List<Axis>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < list.Count; k++)
        {
            string at = OmeJson.Child(pointer, k);
            if (list[k] is not JsonObject axis)
            {
                context.Report(OmeRules.Axes001, ome.Path, at, $"an axis is {OmeJson.Describe(list[k])}, not an object");
                usable = false;
                continue;
            }
            string? name = null;
            if (!OmeJson.IsString(axis["name"], out string n))
            {
                context.Report(OmeRules.Axes002, ome.Path, at, $"\"name\" is {OmeJson.Describe(axis["name"])}, not a string");
                usable = false;
            }
            else
            {
                // A repeated name still names its axis: the count, the vectors' lengths and the
                // levels' dimension_names (which can then match no axes) are checked as usual.
                if (!names.Add(n))
                {
                    context.Report(OmeRules.Axes002, ome.Path, OmeJson.Child(at, "name"), $"axis name \"{n}\" is used twice");
                }
                name = n;
            }
            string? type = null;
            if (OmeJson.IsString(axis["type"], out string t))
            {
                type = t;
            }
            else
            {
                context.Report(OmeRules.Axes003, ome.Path, axis.ContainsKey("type") ? OmeJson.Child(at, "type") : at, $"\"type\" is {OmeJson.Describe(axis["type"])}, not a string");
            }
            if (type is "space" or "time")
            {
                HashSet<string> units = type == "space" ? SpaceUnits : TimeUnits;
                if (!OmeJson.IsString(axis["unit"], out string unit) || !units.Contains(unit))
                {
                    context.Report(OmeRules.Axes006, ome.Path, axis.ContainsKey("unit") ? OmeJson.Child(at, "unit") : at, $"a {type} axis has no unit from the spec's list");
                }
            }
            axes.Add(new Axis(name, type));
        }
        int space = axes.Count(a => a.Type == "space"), time = axes.Count(a => a.Type == "time"), other = axes.Count(a => a.Type is not ("space" or "time"));
        if (space is < 2 or > 3 || time > 1 || other > 1)
        {
            context.Report(OmeRules.Axes004, ome.Path, pointer, $"{space} space, {time} time and {other} channel or custom axes; 2-3, at most 1 and at most 1 are allowed");
        }
        // multiscale-md: time, then channel or custom, then space.
        static int Rank(Axis a) => a.Type switch { "time" => 0, "space" => 2, _ => 1 };
        for (int k = 1; k < axes.Count && k < list.Count; k++)
        {
            if (Rank(axes[k]) < Rank(axes[k - 1]))
            {
                context.Report(OmeRules.Axes005, ome.Path, OmeJson.Child(pointer, k), $"axis {k} ({axes[k].Type ?? "no type"}) comes after a {axes[k - 1].Type ?? "channel or custom"} axis");
                break;
            }
        }
        string[] spatial = [.. axes.Where(a => a.Type == "space").Select(a => a.Name ?? "")];
        if (spatial.Length == 3 && spatial.Order(StringComparer.Ordinal).SequenceEqual(["x", "y", "z"]) && !spatial.SequenceEqual(["z", "y", "x"]))
        {
            context.Report(OmeRules.Axes007, ome.Path, pointer, $"space axes are ordered {string.Concat(spatial)}, not zyx");
        }
        return usable ? axes : null;
    }

    private static void CheckDatasets(OmeMetadata ome, JsonNode? node, string pointer, List<Axis>? axes, OmeContext context)
    {
        if (node is not JsonArray { Count: > 0 } list)
        {
            context.Report(OmeRules.Datasets001, ome.Path, pointer, $"\"datasets\" is {OmeJson.Describe(node)}{(node is JsonArray ? " and empty" : "")}, not a non-empty list");
            return;
        }
        long[]? previous = null;
        for (int j = 0; j < list.Count; j++)
        {
            string at = OmeJson.Child(pointer, j);
            if (list[j] is not JsonObject dataset)
            {
                context.Report(OmeRules.Datasets001, ome.Path, at, $"a dataset is {OmeJson.Describe(list[j])}, not an object");
                continue;
            }
            CheckTransformations(ome, dataset["coordinateTransformations"], OmeJson.Child(at, "coordinateTransformations"), axes?.Count, null, context);
            if (!OmeJson.IsString(dataset["path"], out string path))
            {
                context.Report(OmeRules.Datasets001, ome.Path, at, $"\"path\" is {OmeJson.Describe(dataset["path"])}, not a string");
                continue;
            }
            string? target = OmeContext.Resolve(ome.Path, path);
            if (context.Node(target) is not ArrayMetadata array)
            {
                context.Report(OmeRules.Datasets002, ome.Path, OmeJson.Child(at, "path"), $"\"{path}\" is not an array in the hierarchy");
                continue;
            }
            if (axes is not null && array.Shape.Length != axes.Count)
            {
                context.Report(OmeRules.Datasets003, ome.Path, OmeJson.Child(at, "path"), $"array \"{path}\" has {array.Shape.Length} dimensions for {axes.Count} axes");
            }
            else if (array.Shape.Length > 5)
            {
                context.Report(OmeRules.Datasets003, ome.Path, OmeJson.Child(at, "path"), $"array \"{path}\" has {array.Shape.Length} dimensions, more than 5");
            }
            if (previous is not null && previous.Length == array.Shape.Length && previous.Zip(array.Shape).Any(p => p.Second > p.First))
            {
                context.Report(OmeRules.Datasets004, ome.Path, OmeJson.Child(at, "path"), $"array \"{path}\" [{string.Join(", ", array.Shape)}] is larger than the level before it [{string.Join(", ", previous)}]");
            }
            previous = array.Shape;
            if (ome.Namespaced && axes is not null)
            {
                CheckDimensionNames(target!, array, axes, context);
            }
        }
    }

    /// <summary>axes-md (0.5): the level's dimension_names equal the axes names.</summary>
    private static void CheckDimensionNames(string path, ArrayMetadata array, List<Axis> axes, OmeContext context)
    {
        string expected = "[" + string.Join(", ", axes.Select(a => a.Name)) + "]";
        if (array.DimensionNames is not { } names)
        {
            context.Report(OmeRules.DimensionNames001, path, "", $"the array has no \"dimension_names\"; the axes are {expected}");
        }
        else if (!names.SequenceEqual(axes.Select(a => a.Name), StringComparer.Ordinal))
        {
            context.Report(OmeRules.DimensionNames001, path, "/dimension_names", $"\"dimension_names\" [{string.Join(", ", names)}] differ from the axes {expected}");
        }
    }

    /// <summary>
    /// trafo-md and multiscale-md: a list of typed transformations, one scale first, at most one
    /// translation after it, vectors as long as the axes. <paramref name="ruleId"/> replaces the
    /// dataset rule IDs for a multiscales-level list.
    /// </summary>
    private static void CheckTransformations(OmeMetadata ome, JsonNode? node, string pointer, int? rank, string? ruleId, OmeContext context)
    {
        if (node is not JsonArray list)
        {
            context.Report(ruleId ?? OmeRules.Transforms001, ome.Path, pointer, $"\"coordinateTransformations\" is {OmeJson.Describe(node)}, not a list");
            return;
        }
        int scales = 0, translations = 0;
        for (int k = 0; k < list.Count; k++)
        {
            string at = OmeJson.Child(pointer, k);
            if (list[k] is not JsonObject transformation || !OmeJson.IsString(transformation["type"], out string type))
            {
                context.Report(ruleId ?? OmeRules.Transforms001, ome.Path, at, "a transformation is not an object with a \"type\" string");
                continue;
            }
            switch (type)
            {
                case "scale":
                    scales++;
                    if (k != 0 || scales > 1)
                    {
                        context.Report(ruleId ?? OmeRules.Transforms003, ome.Path, at, scales > 1 ? "a second scale" : "the scale is not the first transformation");
                    }
                    CheckVector(ome, transformation, "scale", at, rank, ruleId, context);
                    break;
                case "translation":
                    translations++;
                    if (translations > 1 || scales == 0)
                    {
                        context.Report(ruleId ?? OmeRules.Transforms004, ome.Path, at, translations > 1 ? "a second translation" : "the translation comes before the scale");
                    }
                    CheckVector(ome, transformation, "translation", at, rank, ruleId, context);
                    break;
                default:
                    context.Report(ruleId ?? OmeRules.Transforms002, ome.Path, OmeJson.Child(at, "type"), $"transformation type \"{type}\" is neither scale nor translation");
                    break;
            }
        }
        if (scales == 0)
        {
            context.Report(ruleId ?? OmeRules.Transforms003, ome.Path, pointer, "there is no scale transformation");
        }
    }

    private static void CheckVector(OmeMetadata ome, JsonObject transformation, string key, string pointer, int? rank, string? ruleId, OmeContext context)
    {
        // trafo-md: the values may instead be stored in a binary file named by "path".
        if (!transformation.ContainsKey(key) && OmeJson.IsString(transformation["path"], out _))
        {
            return;
        }
        JsonNode? vector = transformation[key];
        if (vector is not JsonArray values || values.Any(v => !OmeJson.IsNumber(v, out _)))
        {
            context.Report(ruleId ?? OmeRules.Transforms005, ome.Path, OmeJson.Child(pointer, key), $"\"{key}\" is not a list of numbers");
        }
        else if (rank is int n && values.Count != n)
        {
            context.Report(ruleId ?? OmeRules.Transforms005, ome.Path, OmeJson.Child(pointer, key), $"\"{key}\" has {values.Count} values for {n} axes");
        }
    }
}
