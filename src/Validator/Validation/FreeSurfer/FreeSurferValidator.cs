using System.Buffers.Binary;
using System.Globalization;
using Conformance.Reference;
using Conformance.Reference.FreeSurfer;

namespace Conformance.Validator.Validation.FreeSurfer;

/// <summary>
/// Checks a FreeSurfer surface, curvature, annotation or label file against
/// <c>spec/freesurfer/rules.json</c>. A binary file usually has one fatal structural problem,
/// found by the reference reader and reported with its byte range; a file that parses is then
/// checked element by element (coordinates, triangles, values, pairs, points) and every finding
/// is reported. Locations name the file as the key, elements by pointer (<c>/faces/12</c>) and
/// binary positions by byte range.
/// </summary>
/// <remarks>
/// The layouts are those of FreeSurfer's <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/mrisurf_io.cpp">utils/mrisurf_io.cpp</see>
/// and <see href="https://github.com/freesurfer/freesurfer/blob/dev/utils/label.cpp">utils/label.cpp</see>.
/// </remarks>
public sealed class FreeSurferValidator : IFileValidator
{
    /// <summary>Magic number, vertex count and face count of the new curvature layout.</summary>
    private const int CurvatureHeaderBytes = 15;

    /// <summary>The pair count before an annotation's pairs.</summary>
    private const int AnnotationHeaderBytes = 4;

    public string Format => "freesurfer";

    public bool Detects(string path) => FreeSurferNames.ByName(Path.GetFileName(path)) is not null || FreeSurferFile.Detect(path) is not null;

    public async Task<ValidationReport> ValidateAsync(string path, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        string file = Path.GetFileName(path);
        var sink = new DiagnosticSink(options);
        FreeSurferFileKind? named = FreeSurferNames.ByName(file);
        FreeSurferFileKind? shown = FreeSurferNames.ByContent(bytes);
        if (named is FreeSurferFileKind promised && shown is FreeSurferFileKind actual && promised != actual)
        {
            sink.Add(FreeSurferValidationRules.FileKind, new DiagnosticLocation(file), $"the name says {Noun(promised)} but the file holds {Noun(actual)}; checked as {Noun(actual)}");
        }
        // Without a signature or a conventional name, the surface reader says what the magic number is not.
        switch (shown ?? named ?? FreeSurferFileKind.Surface)
        {
            case FreeSurferFileKind.Surface:
                ValidateSurface(bytes, file, sink);
                break;
            case FreeSurferFileKind.Curvature:
                ValidateCurvature(bytes, file, sink);
                break;
            case FreeSurferFileKind.Annotation:
                ValidateAnnotation(bytes, file, sink);
                break;
            default:
                ValidateLabel(bytes, file, sink);
                break;
        }
        return new ValidationReport(path, options.Profile, options.Deep, sink.Sorted(), new ValidationStatistics(0, 0, 1, 0, bytes.Length));
    }

    private static string Noun(FreeSurferFileKind kind) => kind switch
    {
        FreeSurferFileKind.Surface => "a surface",
        FreeSurferFileKind.Curvature => "curvature",
        FreeSurferFileKind.Annotation => "an annotation",
        _ => "a label",
    };

    private static void ValidateSurface(byte[] bytes, string file, DiagnosticSink sink)
    {
        SurfaceLayout? layout = SurfaceLayout.Of(bytes);
        if (layout is { SecondNewline: false, Triangles: true })
        {
            // FreeSurfer writes "created by …\n\n"; nibabel's reader needs both newlines.
            sink.Add(FreeSurferValidationRules.SurfaceSecondNewline, new DiagnosticLocation(file, null, null, layout.CountsStart, 1), "the \"created by\" line is followed by one newline, not two");
        }
        FreeSurferSurface surface;
        try
        {
            surface = FreeSurferSurface.Parse(bytes, file);
        }
        catch (ConformanceException e)
        {
            long offset = Offset(e);
            string? pointer = null;
            int field = e.RuleId switch
            {
                FreeSurferRules.SurfaceMagic => 3,
                FreeSurferRules.SurfaceCounts when layout is not null && offset == layout.CountsStart => layout.Triangles ? 8 : 6,
                FreeSurferRules.SurfaceFaceIndex when layout is not null => layout.Triangles ? 4 : 3,
                FreeSurferRules.SurfaceTag or FreeSurferRules.SurfaceOldTag => 4,
                _ => 0,
            };
            if (e.RuleId == FreeSurferRules.SurfaceFaceIndex && layout is not null)
            {
                pointer = string.Create(CultureInfo.InvariantCulture, $"/{(layout.Triangles ? "faces" : "quads")}/{(offset - layout.FacesStart) / 12}");
            }
            sink.Add(e, At(file, pointer, offset, field, bytes.Length));
            return;
        }
        SurfaceLayout at = layout!;
        float[] xyz = surface.Coordinates;
        int coordinate = at.CoordinateBytes;
        for (int v = 0; v < surface.VertexCount; v++)
        {
            if (!float.IsFinite(xyz[3 * v]) || !float.IsFinite(xyz[(3 * v) + 1]) || !float.IsFinite(xyz[(3 * v) + 2]))
            {
                sink.Add(FreeSurferValidationRules.SurfaceNonFinite, new DiagnosticLocation(file, Pointer("vertices", v), null, at.CoordinatesStart + (3L * coordinate * v), 3L * coordinate),
                    $"vertex {v} is at ({Text(xyz[3 * v])}, {Text(xyz[(3 * v) + 1])}, {Text(xyz[(3 * v) + 2])})");
            }
        }
        int[] faces = surface.Faces;
        for (int t = 0; t < surface.FaceCount; t++)
        {
            int a = faces[3 * t], b = faces[(3 * t) + 1], c = faces[(3 * t) + 2];
            // A quad file's triangles come two from each stored quad; the range is the quad's.
            long start = at.FacesStart + (12L * (at.Triangles ? t : t / 2));
            string from = at.Triangles ? "" : $" (from quad {t / 2})";
            if (a == b || b == c || a == c)
            {
                sink.Add(FreeSurferValidationRules.SurfaceRepeatedVertex, new DiagnosticLocation(file, Pointer("faces", t), null, start, 12), $"triangle {t}{from} is ({a}, {b}, {c})");
            }
            else if (IsCollapsed(xyz, a, b, c))
            {
                sink.Add(FreeSurferValidationRules.SurfaceZeroArea, new DiagnosticLocation(file, Pointer("faces", t), null, start, 12), $"triangle {t}{from} ({a}, {b}, {c}) has zero area");
            }
        }
    }

    /// <summary>Whether the triangle's edge vectors are parallel (or one is zero): its cross product vanishes.</summary>
    private static bool IsCollapsed(float[] xyz, int a, int b, int c)
    {
        double ux = xyz[3 * b] - (double)xyz[3 * a], uy = xyz[(3 * b) + 1] - (double)xyz[(3 * a) + 1], uz = xyz[(3 * b) + 2] - (double)xyz[(3 * a) + 2];
        double vx = xyz[3 * c] - (double)xyz[3 * a], vy = xyz[(3 * c) + 1] - (double)xyz[(3 * a) + 1], vz = xyz[(3 * c) + 2] - (double)xyz[(3 * a) + 2];
        double nx = (uy * vz) - (uz * vy), ny = (uz * vx) - (ux * vz), nz = (ux * vy) - (uy * vx);
        // NaN coordinates are reported on their own; they make no area, not a zero one.
        return nx == 0 && ny == 0 && nz == 0;
    }

    private static void ValidateCurvature(byte[] bytes, string file, DiagnosticSink sink)
    {
        Curvature curvature;
        try
        {
            curvature = Curvature.Parse(bytes, file);
        }
        catch (ConformanceException e)
        {
            long offset = Offset(e);
            int field = e.RuleId == FreeSurferRules.CurvatureOldData && offset == 0 ? 3 : 4;
            sink.Add(e, At(file, null, offset, field, bytes.Length));
            return;
        }
        if (curvature.SourceFormat != CurvatureFormat.New)
        {
            // Old-layout values are int16 hundredths: always finite.
            return;
        }
        for (int i = 0; i < curvature.Values.Length; i++)
        {
            if (!float.IsFinite(curvature.Values[i]))
            {
                sink.Add(FreeSurferValidationRules.CurvatureNonFinite, new DiagnosticLocation(file, Pointer("values", i), null, CurvatureHeaderBytes + (4L * i), 4), $"value {i} is {Text(curvature.Values[i])}");
            }
        }
    }

    private static void ValidateAnnotation(byte[] bytes, string file, DiagnosticSink sink)
    {
        Annotation annotation;
        try
        {
            annotation = Annotation.Parse(bytes, file);
        }
        catch (ConformanceException e)
        {
            sink.Add(e, At(file, null, Offset(e), 4, bytes.Length));
            return;
        }
        var first = new Dictionary<int, int>();
        for (int i = 0; i < annotation.Vertices.Length; i++)
        {
            if (!first.TryAdd(annotation.Vertices[i], i))
            {
                sink.Add(FreeSurferValidationRules.AnnotationRepeatedVertex, new DiagnosticLocation(file, Pointer("pairs", i), null, AnnotationHeaderBytes + (8L * i), 4),
                    $"vertex {annotation.Vertices[i]} is given a value again (first in pair {first[annotation.Vertices[i]]}); FreeSurfer keeps the last");
            }
        }
        if (annotation.ColorTable is not ColorTable table)
        {
            // Without a table there is nothing to compare values with (FS-ANNOT-003 allows that).
            return;
        }
        var known = new HashSet<int>(table.Entries.Select(e => e.Annotation));
        foreach (IGrouping<int, int> unknown in Enumerable.Range(0, annotation.Values.Length)
            .Where(i => annotation.Values[i] != 0 && !known.Contains(annotation.Values[i]))
            .GroupBy(i => annotation.Values[i]))
        {
            int i = unknown.First();
            sink.Add(FreeSurferValidationRules.AnnotationUnknownValue, new DiagnosticLocation(file, Pointer("pairs", i), null, AnnotationHeaderBytes + (8L * i) + 4, 4),
                string.Create(CultureInfo.InvariantCulture, $"value {unknown.Key} ({(unknown.Count() == 1 ? "1 pair" : $"{unknown.Count()} pairs, first here")}) is neither 0 nor the colour of a colour-table entry"));
        }
    }

    private static void ValidateLabel(byte[] bytes, string file, DiagnosticSink sink)
    {
        List<(int Start, int Length)> lines = Lines(bytes);
        Label label;
        try
        {
            label = Label.Parse(bytes, file);
        }
        catch (ConformanceException e)
        {
            long offset = Offset(e);
            (int start, int length) = lines.Find(l => l.Start == offset) is { Length: > 0 } line ? line : ((int)offset, 0);
            sink.Add(e, At(file, null, start, length, bytes.Length));
            return;
        }
        var first = new Dictionary<int, int>();
        for (int i = 0; i < label.Points.Count; i++)
        {
            int vertex = label.Points[i].Vertex;
            (int start, int length) = lines[2 + i];
            var location = new DiagnosticLocation(file, Pointer("points", i), null, start, length);
            if (vertex < -1)
            {
                sink.Add(FreeSurferValidationRules.LabelVertexNumber, location, string.Create(CultureInfo.InvariantCulture, $"point {i} has vertex number {vertex}; only -1 marks a point with no vertex"));
            }
            else if (vertex >= 0 && !first.TryAdd(vertex, i))
            {
                sink.Add(FreeSurferValidationRules.LabelRepeatedVertex, location, string.Create(CultureInfo.InvariantCulture, $"vertex {vertex} is listed again (first at point {first[vertex]})"));
            }
        }
    }

    /// <summary>Where each line starts and how long it is without its newline.</summary>
    private static List<(int Start, int Length)> Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<(int Start, int Length)>();
        int start = 0;
        while (start < bytes.Length)
        {
            int end = bytes[start..].IndexOf((byte)'\n');
            int length = end < 0 ? bytes.Length - start : end;
            lines.Add((start, length));
            start += length + 1;
        }
        return lines;
    }

    /// <summary>The byte offset in the reader's <c>file@offset</c> location.</summary>
    private static long Offset(ConformanceException e)
    {
        int at = e.Location.LastIndexOf('@');
        return at >= 0 && long.TryParse(e.Location.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long offset) ? offset : 0;
    }

    /// <summary>
    /// The range of a structural problem: the field at <paramref name="offset"/> when its size is
    /// known, else everything from there to the end (what could not be read); none past the end.
    /// </summary>
    private static DiagnosticLocation At(string file, string? pointer, long offset, int field, long fileLength)
    {
        long rest = Math.Max(0, fileLength - offset);
        long length = field > 0 ? Math.Min(field, rest) : rest;
        return new DiagnosticLocation(file, pointer, null, offset, length > 0 ? length : null);
    }

    private static string Pointer(string member, int index) => string.Create(CultureInfo.InvariantCulture, $"/{member}/{index}");

    private static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Where a surface's parts start, worked out from its header as the reader walks it.</summary>
    private sealed record SurfaceLayout(bool Triangles, bool SecondNewline, long CountsStart, long CoordinatesStart, int CoordinateBytes, long FacesStart)
    {
        public static SurfaceLayout? Of(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < 3)
            {
                return null;
            }
            int magic = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
            if (magic == FreeSurferSurface.TriangleMagic)
            {
                int end = bytes[3..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    return null;
                }
                int counts = 3 + end + 1;
                bool second = counts < bytes.Length && bytes[counts] == (byte)'\n';
                counts += second ? 1 : 0;
                if (counts + 8 > bytes.Length)
                {
                    return new SurfaceLayout(true, second, counts, counts + 8, 4, counts + 8);
                }
                long vertices = BinaryPrimitives.ReadInt32BigEndian(bytes[counts..]);
                return new SurfaceLayout(true, second, counts, counts + 8, 4, counts + 8 + (12 * vertices));
            }
            if (magic is FreeSurferSurface.QuadMagic or FreeSurferSurface.NewQuadMagic && bytes.Length >= 9)
            {
                int coordinate = magic == FreeSurferSurface.QuadMagic ? 2 : 4;
                long vertices = (bytes[3] << 16) | (bytes[4] << 8) | bytes[5];
                return new SurfaceLayout(false, true, 3, 9, coordinate, 9 + (3 * coordinate * vertices));
            }
            return null;
        }
    }
}
