using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Model;

namespace Conformance.Reference.Surfaces;

/// <summary>
/// FreeSurfer files to the surface profile and back (spec/surface-zarr/README.md, "From
/// FreeSurfer"). The name of the coordinate set or data array comes from the file name
/// (<c>lh.white</c> → <c>white</c>, <c>lh.aparc.annot</c> → <c>aparc</c>) and the structure from
/// its hemisphere prefix (<c>lh.</c> → CortexLeft, <c>rh.</c> → CortexRight).
/// </summary>
/// <remarks>
/// A surface is <c>triangles</c> and <c>coordinates/&lt;name&gt;</c>; curvature is one float32
/// <c>data/&lt;name&gt;</c> without geometry; an annotation is int32 <c>data/&lt;name&gt;</c>
/// holding the packed RGB values in the file's pair order, with a label table keyed by those
/// values (plus <c>data/&lt;name&gt;_vertices</c> when the pairs do not list vertices 0, 1, … in
/// order); a label is a point set <c>coordinates/&lt;name&gt;</c> with <c>data/vertex</c> and
/// <c>data/value</c>. Everything else (the "created by" line, useRealRAS, volume geometry,
/// tags, curvature face count and layout, the colour table, the label header) is kept under
/// <c>surface.source</c>.
/// </remarks>
public static class FreeSurferSurfaces
{
    /// <summary>Reads the FreeSurfer file at <paramref name="path"/> as the profile's content.</summary>
    public static SurfaceContent Read(string path, FreeSurferFileKind? kind = null)
    {
        kind ??= FreeSurferFile.Detect(path) ?? throw new ConformanceException(FreeSurferRules.SurfaceMagic, path, "not a FreeSurfer surface, curvature, annotation or label file");
        string file = Path.GetFileName(path);
        string name = NameOf(file, kind.Value);
        string? structure = StructureOf(file);
        return kind.Value switch
        {
            FreeSurferFileKind.Surface => FromSurface(FreeSurferSurface.Read(path), name, structure),
            FreeSurferFileKind.Curvature => FromCurvature(Curvature.Read(path), name, structure),
            FreeSurferFileKind.Annotation => FromAnnotation(Annotation.Read(path), name, structure),
            _ => FromLabel(FreeSurfer.Label.Read(path), name, structure),
        };
    }

    /// <summary>The coordinate set or data name a FreeSurfer file name gives.</summary>
    public static string NameOf(string file, FreeSurferFileKind kind)
    {
        string name = file;
        if (name.StartsWith("lh.", StringComparison.Ordinal) || name.StartsWith("rh.", StringComparison.Ordinal))
        {
            name = name[3..];
        }
        foreach (string suffix in new[] { ".annot", ".label" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }
        return SurfaceJson.IsNodeName(name) ? name : kind.ToString().ToLowerInvariant();
    }

    private static string? StructureOf(string file) =>
        file.StartsWith("lh.", StringComparison.Ordinal) ? "CortexLeft" : file.StartsWith("rh.", StringComparison.Ordinal) ? "CortexRight" : null;

    public static SurfaceContent FromSurface(FreeSurferSurface surface, string name, string? structure = null)
    {
        var content = new SurfaceContent();
        content.Arrays.Add(new SurfaceArray("triangles", ElementType.Int32, [surface.FaceCount, 3], LittleEndianArrays.Bytes(surface.Faces), ["triangle", "corner"], []));
        content.Arrays.Add(new SurfaceArray("coordinates/" + name, ElementType.Float32, [surface.VertexCount, 3], LittleEndianArrays.Bytes(surface.Coordinates), ["vertex", "xyz"], []));
        var source = new JsonObject
        {
            ["format"] = "freesurfer",
            ["kind"] = "surface",
            ["layout"] = surface.SourceFormat.ToString(),
            ["created_by"] = surface.CreatedBy,
        };
        if (surface.UseRealRas is int flag)
        {
            source["use_real_ras"] = flag;
        }
        if (surface.VolumeGeometry is VolumeGeometry g)
        {
            source["volume_geometry"] = VolumeGeometryJson(g);
        }
        source["tags"] = new JsonArray([.. surface.Tags.Select(t => (JsonNode?)new JsonObject { ["id"] = t.Id, ["data"] = Convert.ToBase64String(t.Data) })]);
        return Finish(content, structure, source);
    }

    /// <summary>The volume geometry as JSON; non-finite numbers spelled as Zarr spells such fill values.</summary>
    internal static JsonObject VolumeGeometryJson(VolumeGeometry g) => new()
    {
        ["valid"] = g.Valid,
        ["filename"] = g.FileName,
        ["volume"] = new JsonArray(g.Volume.Width, g.Volume.Height, g.Volume.Depth),
        ["voxelsize"] = new JsonArray(SurfaceJson.Number(g.VoxelSize.X), SurfaceJson.Number(g.VoxelSize.Y), SurfaceJson.Number(g.VoxelSize.Z)),
        ["xras"] = new JsonArray(SurfaceJson.Number(g.XRas.R), SurfaceJson.Number(g.XRas.A), SurfaceJson.Number(g.XRas.S)),
        ["yras"] = new JsonArray(SurfaceJson.Number(g.YRas.R), SurfaceJson.Number(g.YRas.A), SurfaceJson.Number(g.YRas.S)),
        ["zras"] = new JsonArray(SurfaceJson.Number(g.ZRas.R), SurfaceJson.Number(g.ZRas.A), SurfaceJson.Number(g.ZRas.S)),
        ["cras"] = new JsonArray(SurfaceJson.Number(g.CRas.R), SurfaceJson.Number(g.CRas.A), SurfaceJson.Number(g.CRas.S)),
    };

    public static SurfaceContent FromCurvature(Curvature curvature, string name, string? structure = null)
    {
        var content = new SurfaceContent();
        content.Arrays.Add(new SurfaceArray("data/" + name, ElementType.Float32, [curvature.Values.Length], LittleEndianArrays.Bytes(curvature.Values), ["vertex"], Domain(null)));
        var source = new JsonObject
        {
            ["format"] = "freesurfer",
            ["kind"] = "curvature",
            ["layout"] = curvature.SourceFormat.ToString(),
            ["face_count"] = curvature.FaceCount,
        };
        return Finish(content, structure, source);
    }

    public static SurfaceContent FromAnnotation(Annotation annotation, string name, string? structure = null)
    {
        var content = new SurfaceContent();
        JsonObject attributes = Domain(annotation.ColorTable is null ? null : "NIFTI_INTENT_LABEL");
        var source = new JsonObject { ["format"] = "freesurfer", ["kind"] = "annotation", ["values"] = name };
        if (annotation.ColorTable is ColorTable table)
        {
            var labels = new JsonObject();
            foreach (ColorTableEntry e in table.Entries)
            {
                labels[e.Annotation.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["name"] = e.Name,
                    ["rgba"] = new JsonArray(e.Red / 255f, e.Green / 255f, e.Blue / 255f, (255 - e.Transparency) / 255f),
                };
            }
            ((JsonObject)attributes["surface"]!)["labels"] = labels;
            source["color_table"] = new JsonObject
            {
                ["layout"] = table.Layout.ToString(),
                ["max_entries"] = table.MaxEntries,
                ["file_name"] = table.FileName,
                ["entries"] = new JsonArray([.. table.Entries.Select(e => (JsonNode?)new JsonArray(e.Index, e.Name, e.Red, e.Green, e.Blue, e.Transparency))]),
            };
        }
        content.Arrays.Add(new SurfaceArray("data/" + name, ElementType.Int32, [annotation.Values.Length], LittleEndianArrays.Bytes(annotation.Values), ["vertex"], attributes));
        if (annotation.Vertices.Where((v, i) => v != i).Any())
        {
            content.Arrays.Add(new SurfaceArray("data/" + name + "_vertices", ElementType.Int32, [annotation.Vertices.Length], LittleEndianArrays.Bytes(annotation.Vertices), ["vertex"], Domain(null)));
            source["vertices"] = name + "_vertices";
        }
        return Finish(content, structure, source);
    }

    public static SurfaceContent FromLabel(FreeSurfer.Label label, string name, string? structure = null)
    {
        LabelPoint[] points = [.. label.Points];
        var content = new SurfaceContent();
        content.Arrays.Add(new SurfaceArray("coordinates/" + name, ElementType.Float32, [points.Length, 3], LittleEndianArrays.Bytes([.. points.SelectMany(p => new[] { p.X, p.Y, p.Z })]), ["vertex", "xyz"], []));
        content.Arrays.Add(new SurfaceArray("data/vertex", ElementType.Int32, [points.Length], LittleEndianArrays.Bytes([.. points.Select(p => p.Vertex)]), ["vertex"], Domain(null)));
        content.Arrays.Add(new SurfaceArray("data/value", ElementType.Float32, [points.Length], LittleEndianArrays.Bytes([.. points.Select(p => p.Value)]), ["vertex"], Domain(null)));
        var source = new JsonObject { ["format"] = "freesurfer", ["kind"] = "label", ["header"] = label.Header };
        return Finish(content, structure, source);
    }

    /// <summary>
    /// The kind of FreeSurfer file <paramref name="content"/> becomes: the source's kind when it
    /// came from FreeSurfer; otherwise a surface when it has triangles, an annotation when its
    /// first data array has labels, else curvature.
    /// </summary>
    public static FreeSurferFileKind KindOf(SurfaceContent content)
    {
        JsonObject source = content.Source;
        if ((string?)source["format"] == "freesurfer" && Enum.TryParse((string?)source["kind"], ignoreCase: true, out FreeSurferFileKind kind))
        {
            return kind;
        }
        if (content.Find("triangles") is not null)
        {
            return FreeSurferFileKind.Surface;
        }
        SurfaceArray? data = content.Arrays.FirstOrDefault(a => a.Path.StartsWith("data/", StringComparison.Ordinal));
        return data?.Attributes["surface"]?["labels"] is JsonObject ? FreeSurferFileKind.Annotation : FreeSurferFileKind.Curvature;
    }

    /// <summary>Writes <paramref name="content"/> as a FreeSurfer file of <paramref name="kind"/> (default <see cref="KindOf"/>), atomically.</summary>
    public static void Write(SurfaceContent content, string path, FreeSurferFileKind? kind = null)
    {
        switch (kind ?? KindOf(content))
        {
            case FreeSurferFileKind.Surface:
                ToSurface(content).Write(path);
                break;
            case FreeSurferFileKind.Curvature:
                ToCurvature(content).Write(path);
                break;
            case FreeSurferFileKind.Annotation:
                ToAnnotation(content).Write(path);
                break;
            default:
                ToLabel(content).Write(path);
                break;
        }
    }

    public static FreeSurferSurface ToSurface(SurfaceContent content)
    {
        JsonObject source = FromFreeSurfer(content, "surface");
        SurfaceArray triangles = content.Find("triangles") ?? throw Missing("triangles");
        SurfaceArray coordinates = FirstCoordinates(content);
        Require(triangles, ElementType.Int32, 2);
        Require(coordinates, ElementType.Float32, 2);
        VolumeGeometry? geometry = null;
        if (source["volume_geometry"] is JsonObject g)
        {
            geometry = new VolumeGeometry(
                g["valid"]!.GetValue<int>(),
                (string)g["filename"]!,
                (g["volume"]![0]!.GetValue<int>(), g["volume"]![1]!.GetValue<int>(), g["volume"]![2]!.GetValue<int>()),
                Triple(g["voxelsize"]), Triple(g["xras"]), Triple(g["yras"]), Triple(g["zras"]), Triple(g["cras"]));
        }
        return new FreeSurferSurface(LittleEndianArrays.Floats(coordinates.Data), LittleEndianArrays.Ints(triangles.Data))
        {
            CreatedBy = (string?)source["created_by"] ?? "created by Conformance.Reference",
            UseRealRas = (int?)source["use_real_ras"],
            VolumeGeometry = geometry,
            Tags = [.. (source["tags"] as JsonArray ?? []).Select(t => new SurfaceTag(t!["id"]!.GetValue<int>(), Convert.FromBase64String((string)t["data"]!)))],
        };
    }

    public static Curvature ToCurvature(SurfaceContent content)
    {
        JsonObject source = FromFreeSurfer(content, "curvature");
        SurfaceArray values = content.Arrays.FirstOrDefault(a => a.Path.StartsWith("data/", StringComparison.Ordinal) && a.ElementType == ElementType.Float32 && a.Shape.Length == 1)
            ?? throw Missing("a one-dimensional float32 data array");
        int faces = (int?)source["face_count"] ?? content.Find("triangles")?.Shape[0] ?? 0;
        return new Curvature(LittleEndianArrays.Floats(values.Data)) { FaceCount = faces };
    }

    public static Annotation ToAnnotation(SurfaceContent content)
    {
        JsonObject source = FromFreeSurfer(content, "annotation");
        string? name = (string?)source["values"];
        SurfaceArray values = (name is null ? null : content.Find("data/" + name))
            ?? content.Arrays.FirstOrDefault(a => a.Path.StartsWith("data/", StringComparison.Ordinal) && a.Attributes["surface"]?["labels"] is JsonObject)
            ?? throw Missing("a labelled data array");
        Require(values, ElementType.Int32, 1);
        int[] data = LittleEndianArrays.Ints(values.Data);
        int[] vertices = source["vertices"] is JsonNode v && content.Find("data/" + (string)v!) is SurfaceArray listed
            ? LittleEndianArrays.Ints(listed.Data)
            : [.. Enumerable.Range(0, data.Length)];
        ColorTable? table = null;
        if (source["color_table"] is JsonObject t)
        {
            ColorTableEntry[] entries = [.. ((JsonArray)t["entries"]!).Select(e => new ColorTableEntry(e![0]!.GetValue<int>(), (string)e[1]!, e[2]!.GetValue<int>(), e[3]!.GetValue<int>(), e[4]!.GetValue<int>(), e[5]!.GetValue<int>()))];
            table = new ColorTable(entries)
            {
                Layout = Enum.Parse<ColorTableLayout>((string)t["layout"]!),
                MaxEntries = t["max_entries"]!.GetValue<int>(),
                FileName = (string?)t["file_name"] ?? "",
            };
        }
        else if (values.Attributes["surface"]?["labels"] is JsonObject labels)
        {
            // A label table from elsewhere (GIFTI): keys are colour-table indices, and FreeSurfer
            // stores each vertex's packed RGB, so the values are mapped key → colour.
            var entries = new List<ColorTableEntry>();
            var packed = new Dictionary<int, int>();
            foreach (KeyValuePair<string, JsonNode?> label in labels)
            {
                int key = int.Parse(label.Key, CultureInfo.InvariantCulture);
                var rgba = (JsonArray)label.Value!["rgba"]!;
                var entry = new ColorTableEntry(key, (string?)label.Value["name"] ?? "", Byte(rgba[0]), Byte(rgba[1]), Byte(rgba[2]), 255 - Byte(rgba[3]));
                entries.Add(entry);
                packed[key] = entry.Annotation;
            }
            table = new ColorTable([.. entries.OrderBy(e => e.Index)]);
            data = [.. data.Select(k => packed.TryGetValue(k, out int p) ? p : 0)];
        }
        return new Annotation(vertices, data, table);
    }

    public static FreeSurfer.Label ToLabel(SurfaceContent content)
    {
        JsonObject source = FromFreeSurfer(content, "label");
        SurfaceArray coordinates = FirstCoordinates(content);
        Require(coordinates, ElementType.Float32, 2);
        float[] xyz = LittleEndianArrays.Floats(coordinates.Data);
        int n = coordinates.Shape[0];
        int[] vertices = content.Find("data/vertex") is SurfaceArray v ? LittleEndianArrays.Ints(v.Data) : [.. Enumerable.Range(0, n)];
        float[] values = content.Find("data/value") is SurfaceArray s ? LittleEndianArrays.Floats(s.Data) : new float[n];
        LabelPoint[] points = [.. Enumerable.Range(0, n).Select(i => new LabelPoint(vertices[i], xyz[3 * i], xyz[(3 * i) + 1], xyz[(3 * i) + 2], values[i]))];
        return new FreeSurfer.Label(points) { Header = (string?)source["header"] ?? "#!ascii label" };
    }

    private static SurfaceContent Finish(SurfaceContent content, string? structure, JsonObject source)
    {
        content.Surface["version"] = SurfaceZarr.Version;
        if (structure is not null)
        {
            content.Surface["structure"] = structure;
        }
        content.Surface["space"] = "RAS+";
        content.ListArrays();
        content.Surface["source"] = source;
        return content;
    }

    private static JsonObject Domain(string? intent)
    {
        var surface = new JsonObject { ["domain"] = "vertex" };
        if (intent is not null)
        {
            surface["intent"] = intent;
        }
        return new JsonObject { ["surface"] = surface };
    }

    /// <summary>The source object when it came from FreeSurfer as <paramref name="kind"/>; an empty one otherwise, so defaults apply.</summary>
    private static JsonObject FromFreeSurfer(SurfaceContent content, string kind) =>
        (string?)content.Source["format"] == "freesurfer" && (string?)content.Source["kind"] == kind ? content.Source : [];

    private static SurfaceArray FirstCoordinates(SurfaceContent content) =>
        content.Arrays.FirstOrDefault(a => a.Path.StartsWith("coordinates/", StringComparison.Ordinal)) ?? throw Missing("a coordinates array");

    private static void Require(SurfaceArray array, ElementType type, int rank)
    {
        if (array.ElementType != type || array.Shape.Length != rank || (rank == 2 && array.Shape[1] != 3))
        {
            throw new ConformanceException(rank == 2 && type == ElementType.Int32 ? "SURF-ZARR-003" : "SURF-ZARR-004", array.Path, $"{array.Path} must be {type} {(rank == 2 ? "[n, 3]" : "[n]")} to be written as FreeSurfer");
        }
    }

    private static ConformanceException Missing(string what) => new("SURF-ZARR-002", "zarr.json", $"the surface group has no {what}, which this FreeSurfer file needs");

    private static (double, double, double) Triple(JsonNode? node) => (SurfaceJson.Double(node![0]), SurfaceJson.Double(node[1]), SurfaceJson.Double(node[2]));

    private static int Byte(JsonNode? node) => (int)Math.Round(node!.GetValue<double>() * 255);
}
