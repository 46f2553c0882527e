using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Validation.SurfaceZarr;

/// <summary>
/// Checks every group whose attributes hold <c>surface</c> against the surface profile
/// (spec/surface-zarr/README.md, rules SURF-ZARR-001 to 008). Groups without it produce no
/// findings. Two rules look at elements (SURF-ZARR-003 triangle indices, SURF-ZARR-008 label
/// values); an array whose chunks cannot be read is left to the core checks.
/// </summary>
public sealed class SurfaceZarrCheck : IHierarchyCheck
{
    public async ValueTask CheckAsync(IReadOnlyDictionary<string, NodeMetadata> nodes, Store store, Action<string, DiagnosticLocation, string> report, CancellationToken cancellationToken)
    {
        foreach ((string path, NodeMetadata node) in nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            if (node is GroupMetadata && node.Attributes.TryGetPropertyValue("surface", out JsonNode? surface))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await CheckGroupAsync(path, surface, nodes, store, report, cancellationToken);
            }
        }
    }

    private static string Key(string path) => path == "/" ? "zarr.json" : path[1..] + "/zarr.json";

    private static string Child(string group, string name) => group == "/" ? "/" + name : group + "/" + name;

    private static async ValueTask CheckGroupAsync(string group, JsonNode? surface, IReadOnlyDictionary<string, NodeMetadata> nodes, Store store, Action<string, DiagnosticLocation, string> report, CancellationToken cancellationToken)
    {
        void Report(string rule, string path, string? pointer, string message) => report(rule, new DiagnosticLocation(Key(path), pointer), message);

        // SURF-ZARR-001: a surface object of version "0.1"; without it nothing else can be read.
        if (surface is not JsonObject attributes || attributes["version"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String || (string?)version != "0.1")
        {
            Report("SURF-ZARR-001", group, "/attributes/surface", "surface must be an object whose version is \"0.1\"");
            return;
        }

        // SURF-ZARR-002: the listed names are exactly the arrays under coordinates/ and data/.
        var listed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string folder in new[] { "coordinates", "data" })
        {
            string prefix = Child(group, folder) + "/";
            string[] stored = [.. nodes.Where(n => n.Value is ArrayMetadata && n.Key.StartsWith(prefix, StringComparison.Ordinal) && !n.Key[prefix.Length..].Contains('/', StringComparison.Ordinal)).Select(n => n.Key[prefix.Length..]).Order(StringComparer.Ordinal)];
            List<string> names = [];
            if (attributes[folder] is null)
            {
                // An absent list names no arrays.
            }
            else if (attributes[folder] is JsonArray list && list.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String))
            {
                names = [.. list.Select(n => (string)n!)];
            }
            else
            {
                Report("SURF-ZARR-002", group, "/attributes/surface/" + folder, $"surface.{folder} must be a list of names");
            }
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count || !names.Order(StringComparer.Ordinal).SequenceEqual(stored))
            {
                Report("SURF-ZARR-002", group, "/attributes/surface/" + folder, $"surface.{folder} lists [{string.Join(", ", names)}]; the group holds [{string.Join(", ", stored)}] under {folder}/");
            }
            // In the listed order, so the first listed coordinate set fixes N (SURF-ZARR-004).
            listed[folder] = [.. names.Where(stored.Contains), .. stored.Where(n => !names.Contains(n))];
        }

        // SURF-ZARR-004: coordinates are float32 [N, 3] with one N.
        long? vertexCount = null;
        foreach (string name in listed["coordinates"])
        {
            string path = Child(group, "coordinates/" + name);
            var array = (ArrayMetadata)nodes[path];
            if (array.DataType.Name != "float32" || array.Shape.Length != 2 || array.Shape[1] != 3)
            {
                Report("SURF-ZARR-004", path, "/shape", $"coordinates/{name} is {array.DataType.Name} [{string.Join(", ", array.Shape)}]; the profile wants float32 [N, 3]");
                continue;
            }
            if (vertexCount is long n && n != array.Shape[0])
            {
                Report("SURF-ZARR-004", path, "/shape", $"coordinates/{name} has {array.Shape[0]} vertices; another coordinate set has {n}");
                continue;
            }
            vertexCount ??= array.Shape[0];
        }
        string trianglesPath = Child(group, "triangles");
        long? faceCount = null;
        ArrayMetadata? triangles = null;
        if (nodes.TryGetValue(trianglesPath, out NodeMetadata? t))
        {
            if (listed["coordinates"].Count == 0)
            {
                Report("SURF-ZARR-004", group, "/attributes/surface/coordinates", "the group has triangles but no coordinate set");
            }
            // SURF-ZARR-003: int32 [M, 3], every index below N.
            if (t is not ArrayMetadata tri || tri.DataType.Name != "int32" || tri.Shape.Length != 2 || tri.Shape[1] != 3)
            {
                Report("SURF-ZARR-003", trianglesPath, null, "triangles must be an int32 array of shape [M, 3]");
            }
            else
            {
                triangles = tri;
                faceCount = tri.Shape[0];
            }
        }

        // SURF-ZARR-005: each data array's domain and first dimension. With no coordinates, the
        // vertex count is that of the vertex-domain data (which must then agree).
        var labelArrays = new List<(string Path, ArrayMetadata Array, JsonObject Labels)>();
        foreach (string name in listed["data"])
        {
            string path = Child(group, "data/" + name);
            var array = (ArrayMetadata)nodes[path];
            JsonObject? own = array.Attributes["surface"] as JsonObject;
            string? domain = own?["domain"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? (string?)d : null;
            long first = array.Shape.Length > 0 ? array.Shape[0] : -1;
            if (domain is not ("vertex" or "face"))
            {
                Report("SURF-ZARR-005", path, "/attributes/surface/domain", $"data/{name} must say its domain, vertex or face");
            }
            else if (domain == "vertex" && vertexCount is null && first >= 0)
            {
                vertexCount = first;
            }
            else if ((domain == "vertex" ? vertexCount : faceCount) is not long expected || first != expected)
            {
                Report("SURF-ZARR-005", path, "/shape", $"data/{name} is per {domain}, so its first dimension must be the {domain} count {(domain == "vertex" ? vertexCount : faceCount)?.ToString(CultureInfo.InvariantCulture) ?? "(none: the group has no triangles)"}, not {first}");
            }
            // SURF-ZARR-006 for data: the first dimension name says the domain.
            string wanted = domain == "face" ? "triangle" : "vertex";
            if (array.DimensionNames is not [string firstName, ..] || firstName != wanted)
            {
                Report("SURF-ZARR-006", path, "/dimension_names", $"data/{name}'s dimension_names should start with \"{wanted}\"");
            }
            if (own?["labels"] is JsonNode labels)
            {
                if (CheckLabels(labels, path, Report) is JsonObject table)
                {
                    labelArrays.Add((path, array, table));
                }
            }
        }

        // SURF-ZARR-006: coordinates [vertex, xyz], triangles [triangle, corner].
        foreach (string name in listed["coordinates"])
        {
            string path = Child(group, "coordinates/" + name);
            if (((ArrayMetadata)nodes[path]).DimensionNames is not ["vertex", "xyz"])
            {
                Report("SURF-ZARR-006", path, "/dimension_names", $"coordinates/{name}'s dimension_names should be [\"vertex\", \"xyz\"]");
            }
        }
        if (triangles is not null && triangles.DimensionNames is not ["triangle", "corner"])
        {
            Report("SURF-ZARR-006", trianglesPath, "/dimension_names", "triangles' dimension_names should be [\"triangle\", \"corner\"]");
        }

        if (triangles is not null && vertexCount is long count && await ReadIntegersAsync(store, trianglesPath, triangles, cancellationToken) is long[] indices)
        {
            int bad = Array.FindIndex(indices, i => i < 0 || i >= count);
            if (bad >= 0)
            {
                Report("SURF-ZARR-003", trianglesPath, null, $"triangle {bad / 3} names vertex {indices[bad]}; there are {count} vertices");
            }
        }

        // SURF-ZARR-008: every label value is a key of the table.
        foreach ((string path, ArrayMetadata array, JsonObject table) in labelArrays)
        {
            if (await ReadIntegersAsync(store, path, array, cancellationToken) is long[] values)
            {
                var keys = new HashSet<long>(table.Select(k => long.Parse(k.Key, CultureInfo.InvariantCulture)));
                long[] missing = [.. values.Where(v => !keys.Contains(v)).Distinct().Take(5)];
                if (missing.Length > 0)
                {
                    Report("SURF-ZARR-008", path, null, $"values {string.Join(", ", missing)} are not keys of the label table");
                }
            }
        }
    }

    /// <summary>SURF-ZARR-007: integer keys, each with a name and four numbers in [0, 1]; returns the table when sound.</summary>
    private static JsonObject? CheckLabels(JsonNode labels, string path, Action<string, string, string?, string> report)
    {
        if (labels is not JsonObject table)
        {
            report("SURF-ZARR-007", path, "/attributes/surface/labels", "labels must be an object of integer keys");
            return null;
        }
        bool sound = true;
        foreach ((string key, JsonNode? label) in table)
        {
            string pointer = "/attributes/surface/labels/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            bool keyOk = long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) && parsed.ToString(CultureInfo.InvariantCulture) == key;
            bool nameOk = label?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String;
            bool rgbaOk = label?["rgba"] is JsonArray { Count: 4 } rgba && rgba.All(c => c is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is >= 0 and <= 1);
            if (!keyOk || !nameOk || !rgbaOk)
            {
                report("SURF-ZARR-007", path, pointer, !keyOk ? $"label key \"{key}\" is not an integer" : !nameOk ? $"label {key} has no name" : $"label {key} needs an rgba of four numbers in [0, 1]");
                sound = false;
            }
        }
        return sound ? table : null;
    }

    /// <summary>The elements of an integer array, or null when it is not one or cannot be read (the core checks report that).</summary>
    private static async ValueTask<long[]?> ReadIntegersAsync(Store store, string path, ArrayMetadata metadata, CancellationToken cancellationToken)
    {
        ElementType type = metadata.DataType.ElementType;
        if (type.Kind is not (ElementKind.Int8 or ElementKind.Int16 or ElementKind.Int32 or ElementKind.Int64 or ElementKind.UInt8 or ElementKind.UInt16 or ElementKind.UInt32) || metadata.Shape.Any(n => n == 0))
        {
            return metadata.Shape.Any(n => n == 0) ? [] : null;
        }
        NdArray data;
        try
        {
            data = await ZarrArray.Open(store, path, metadata).ReadAllAsync(cancellationToken);
        }
        catch (ConformanceException)
        {
            return null;
        }
        using (data)
        {
            ReadOnlySpan<byte> bytes = data.Bytes;
            long[] values = new long[data.Count];
            for (int i = 0; i < values.Length; i++)
            {
                ReadOnlySpan<byte> e = bytes.Slice(i * type.Size, type.Size);
                values[i] = type.Kind switch
                {
                    ElementKind.Int8 => (sbyte)e[0],
                    ElementKind.UInt8 => e[0],
                    ElementKind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(e),
                    ElementKind.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(e),
                    ElementKind.Int32 => BinaryPrimitives.ReadInt32LittleEndian(e),
                    ElementKind.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(e),
                    _ => BinaryPrimitives.ReadInt64LittleEndian(e),
                };
            }
            return values;
        }
    }
}
