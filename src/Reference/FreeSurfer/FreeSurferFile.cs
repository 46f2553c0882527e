using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Conformance.Reference.Buffers;
using Conformance.Reference.Model;
using Conformance.Reference.Surfaces;

namespace Conformance.Reference.FreeSurfer;

/// <summary>
/// Recognises a FreeSurfer file as users name and FreeSurfer writes them, and opens it as the
/// format-neutral model: a surface as a group of <c>coordinates</c> [N, 3] and <c>triangles</c>
/// [M, 3]; curvature as one [N] array; an annotation and a label as groups of their columns.
/// What is not array data (the "created by" line, the volume geometry, the colour table, the
/// label header) goes into the <c>freesurfer</c> attribute.
/// </summary>
public static class FreeSurferFile
{
    /// <summary>The kind of FreeSurfer file at <paramref name="path"/>, or null when it is not one.</summary>
    /// <remarks>
    /// The extension decides for annotations and labels, which have no magic number. Binary
    /// files start with a 3-byte magic number (mrisurf_io.cpp): 0xFFFFFE and 0xFFFFFD are
    /// triangle and new quad surfaces; 0xFFFFFF is both the new curvature layout and the old
    /// quad surface, told apart as FreeSurfer does by the curvature layout's exact length. A
    /// file whose 3-byte counts give exactly the old curvature length is old curvature.
    /// </remarks>
    public static FreeSurferFileKind? Detect(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(".annot", StringComparison.Ordinal))
        {
            return FreeSurferFileKind.Annotation;
        }
        if (name.EndsWith(".label", StringComparison.Ordinal))
        {
            return FreeSurferFileKind.Label;
        }
        Span<byte> head = stackalloc byte[15];
        long length;
        using (FileStream file = File.OpenRead(path))
        {
            length = file.Length;
            head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        if (head.Length < 6)
        {
            return null;
        }
        int magic = (head[0] << 16) | (head[1] << 8) | head[2];
        if (magic is FreeSurferSurface.TriangleMagic or FreeSurferSurface.NewQuadMagic)
        {
            return FreeSurferFileKind.Surface;
        }
        if (magic == Curvature.NewMagic)
        {
            bool curvature = head.Length == 15
                && BinaryPrimitives.ReadInt32BigEndian(head[11..]) == 1
                && 15 + (4L * BinaryPrimitives.ReadInt32BigEndian(head[3..])) == length;
            return curvature ? FreeSurferFileKind.Curvature : FreeSurferFileKind.Surface;
        }
        return 6 + (2L * magic) == length ? FreeSurferFileKind.Curvature : null;
    }

    /// <summary>Reads the file as the format-neutral model; bad content throws the reader's <see cref="ConformanceException"/>.</summary>
    public static Node Open(string path, FreeSurferFileKind kind) => kind switch
    {
        FreeSurferFileKind.Surface => SurfaceNode(FreeSurferSurface.Read(path)),
        FreeSurferFileKind.Curvature => CurvatureNode(Curvature.Read(path)),
        FreeSurferFileKind.Annotation => AnnotationNode(Annotation.Read(path)),
        FreeSurferFileKind.Label => LabelNode(Label.Read(path)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static JsonObject Attributes(JsonObject freesurfer) => new() { ["freesurfer"] = freesurfer };

    private static NdArray Floats(float[] values, params int[] shape) => NdArray.FromBytes(ElementType.Float32, shape, LittleEndianArrays.Bytes(values));

    private static NdArray Ints(int[] values, params int[] shape) => NdArray.FromBytes(ElementType.Int32, shape, LittleEndianArrays.Bytes(values));

    private static InMemoryGroupNode SurfaceNode(FreeSurferSurface surface)
    {
        var attributes = new JsonObject
        {
            ["kind"] = "surface",
            ["format"] = surface.SourceFormat.ToString(),
            ["created_by"] = surface.CreatedBy,
        };
        if (surface.UseRealRas is int useRealRas)
        {
            attributes["use_real_ras"] = useRealRas;
        }
        if (surface.VolumeGeometry is VolumeGeometry geometry)
        {
            attributes["volume_geometry"] = FreeSurferSurfaces.VolumeGeometryJson(geometry);
        }
        if (surface.CommandLines.Any())
        {
            attributes["command_lines"] = new JsonArray([.. surface.CommandLines.Select(c => (JsonNode?)c)]);
        }
        return new InMemoryGroupNode("/",
        [
            new InMemoryArrayNode("/coordinates", Floats(surface.Coordinates, surface.VertexCount, 3), ["vertex", "xyz"]),
            new InMemoryArrayNode("/triangles", Ints(surface.Faces, surface.FaceCount, 3), ["triangle", "corner"]),
        ], Attributes(attributes));
    }

    private static InMemoryArrayNode CurvatureNode(Curvature curvature) =>
        new("/", Floats(curvature.Values, curvature.Values.Length), ["vertex"],
            Attributes(new JsonObject { ["kind"] = "curvature", ["format"] = curvature.SourceFormat.ToString(), ["face_count"] = curvature.FaceCount }));

    private static InMemoryGroupNode AnnotationNode(Annotation annotation)
    {
        var attributes = new JsonObject { ["kind"] = "annotation" };
        if (annotation.ColorTable is ColorTable table)
        {
            attributes["color_table"] = new JsonObject
            {
                ["layout"] = table.Layout.ToString(),
                ["file_name"] = table.FileName,
                ["entries"] = new JsonArray([.. table.Entries.Select(e => (JsonNode?)new JsonObject
                {
                    ["index"] = e.Index,
                    ["name"] = e.Name,
                    ["rgbt"] = new JsonArray(e.Red, e.Green, e.Blue, e.Transparency),
                    ["annotation"] = e.Annotation,
                })]),
            };
        }
        return new InMemoryGroupNode("/",
        [
            new InMemoryArrayNode("/vertices", Ints(annotation.Vertices, annotation.Vertices.Length), ["pair"]),
            new InMemoryArrayNode("/values", Ints(annotation.Values, annotation.Values.Length), ["pair"]),
        ], Attributes(attributes));
    }

    private static InMemoryGroupNode LabelNode(Label label)
    {
        LabelPoint[] points = [.. label.Points];
        return new InMemoryGroupNode("/",
        [
            new InMemoryArrayNode("/vertices", Ints([.. points.Select(p => p.Vertex)], points.Length), ["point"]),
            new InMemoryArrayNode("/coordinates", Floats([.. points.SelectMany(p => new[] { p.X, p.Y, p.Z })], points.Length, 3), ["point", "xyz"]),
            new InMemoryArrayNode("/values", Floats([.. points.Select(p => p.Value)], points.Length), ["point"]),
        ], Attributes(new JsonObject { ["kind"] = "label", ["header"] = label.Header }));
    }
}
