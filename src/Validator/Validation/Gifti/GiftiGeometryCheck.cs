using System.Globalization;
using Conformance.Reference.Gifti;

namespace Conformance.Validator.Validation.Gifti;

/// <summary>
/// The intent rules across a file's arrays: a point set is FLOAT32 N×3 with a transform, a
/// triangle array INT32 M×3 indexing that point set, a node index comes first, and per-vertex
/// arrays have one entry per point; plus the geometry warnings (degenerate triangles,
/// non-finite coordinates).
/// </summary>
/// <remarks>GIFTI 1.0 section 2.0, DataArray (Intent) and CoordinateSystemTransformMatrix.</remarks>
internal static class GiftiGeometryCheck
{
    public static void Run(string key, IReadOnlyList<GiftiArrayEntry> arrays, DiagnosticSink sink)
    {
        void Add(string rule, GiftiArrayEntry entry, string message) => sink.Add(rule, new DiagnosticLocation(key, entry.Path), message);

        foreach (GiftiArrayEntry entry in arrays)
        {
            if (entry.Intent == GiftiIntent.NodeIndex && entry.Index > 0)
            {
                Add(GiftiValidatorRules.NodeIndexFirst, entry, $"a NIFTI_INTENT_NODE_INDEX array is DataArray {entry.Index + 1}; it must be the first");
            }
            if (entry.Intent is GiftiIntent.PointSet or GiftiIntent.Triangle)
            {
                GiftiDataType wanted = entry.Intent == GiftiIntent.PointSet ? GiftiDataType.Float32 : GiftiDataType.Int32;
                bool typeOk = entry.DataType is not GiftiDataType type || type == wanted;
                bool shapeOk = entry.Dims is not int[] dims || dims is [_, 3];
                if (!typeOk || !shapeOk)
                {
                    Add(GiftiValidatorRules.IntentShape, entry, $"a {GiftiNames.Of(entry.Intent.Value)} array holds {GiftiNames.Of(wanted)} with Dims count × 3, not {(entry.DataType is GiftiDataType t ? GiftiNames.Of(t) : "?")} with Dims {(entry.Dims is null ? "?" : string.Join('×', entry.Dims))}");
                }
            }
            if (entry.Intent == GiftiIntent.PointSet && entry.TransformCount == 0)
            {
                Add(GiftiValidatorRules.PointSetTransform, entry, "a NIFTI_INTENT_POINTSET array has no CoordinateSystemTransformMatrix");
            }
        }

        GiftiArrayEntry? points = arrays.FirstOrDefault(a => a.Intent == GiftiIntent.PointSet && a.Dims is [_, 3]);
        double[]? coordinates = points?.Decoded?.ToDoubles();
        if (points is not null && coordinates is not null)
        {
            int bad = coordinates.Count(c => !double.IsFinite(c));
            if (bad > 0)
            {
                Add(GiftiValidatorRules.FiniteCoordinate, points, $"{bad} coordinates are NaN or infinite");
            }
        }
        foreach (GiftiArrayEntry triangles in arrays.Where(a => a.Intent == GiftiIntent.Triangle && a.Dims is [_, 3] && a.Decoded is not null))
        {
            if (points?.Dims is not [int n, 3])
            {
                continue;
            }
            CheckTriangles(triangles, n, points.Order ?? ArrayIndexingOrder.RowMajor, coordinates, (rule, message) => Add(rule, triangles, message));
        }

        // Arrays of per-vertex values have one row per point (or per node index entry, when
        // the data is sparse); the point set, its topology and the node index itself aside.
        GiftiArrayEntry? nodeIndex = arrays.FirstOrDefault(a => a.Intent == GiftiIntent.NodeIndex && a.Dims is not null);
        GiftiArrayEntry? reference = nodeIndex ?? points;
        if (reference?.Dims is [int expected, ..])
        {
            foreach (GiftiArrayEntry entry in arrays)
            {
                if (entry.Intent is null or GiftiIntent.PointSet or GiftiIntent.Triangle or GiftiIntent.NodeIndex || entry.Dims is not [int length, ..] || length == expected)
                {
                    continue;
                }
                string what = reference == nodeIndex ? "entries in the NIFTI_INTENT_NODE_INDEX array" : "points in the NIFTI_INTENT_POINTSET array";
                Add(GiftiValidatorRules.PerVertexLength, entry, $"Dim0 is {length}, but the file has {expected} {what}");
            }
        }
    }

    private static void CheckTriangles(GiftiArrayEntry triangles, int vertexCount, ArrayIndexingOrder pointOrder, double[]? coordinates, Action<string, string> add)
    {
        double[] indices = triangles.Decoded!.ToDoubles();
        int m = triangles.Dims![0];
        bool columnMajor = triangles.Order == ArrayIndexingOrder.ColumnMajor;
        int outside = 0, degenerate = 0;
        long firstOutside = -1;
        for (int t = 0; t < m; t++)
        {
            double a = indices[Offset(t, 0, m, columnMajor)], b = indices[Offset(t, 1, m, columnMajor)], c = indices[Offset(t, 2, m, columnMajor)];
            if (!Inside(a, vertexCount) || !Inside(b, vertexCount) || !Inside(c, vertexCount))
            {
                outside++;
                firstOutside = firstOutside < 0 ? t : firstOutside;
                continue;
            }
            if (a == b || b == c || a == c || (coordinates is not null && ZeroArea(coordinates, vertexCount, pointOrder == ArrayIndexingOrder.ColumnMajor, (int)a, (int)b, (int)c)))
            {
                degenerate++;
            }
        }
        if (outside > 0)
        {
            add(GiftiValidatorRules.TriangleIndex, string.Create(CultureInfo.InvariantCulture, $"{(outside == 1 ? "1 triangle names" : $"{outside} triangles name")} a point outside 0 to {vertexCount - 1} (the first: triangle {firstOutside})"));
        }
        if (degenerate > 0)
        {
            add(GiftiValidatorRules.DegenerateTriangle, string.Create(CultureInfo.InvariantCulture, $"{degenerate} triangles repeat a point or have zero area"));
        }
    }

    private static bool Inside(double index, int count) => index >= 0 && index < count;

    private static int Offset(int row, int column, int rows, bool columnMajor) => columnMajor ? column * rows + row : row * 3 + column;

    private static bool ZeroArea(double[] xyz, int n, bool columnMajor, int a, int b, int c)
    {
        double Coordinate(int point, int axis) => xyz[Offset(point, axis, n, columnMajor)];
        double ux = Coordinate(b, 0) - Coordinate(a, 0), uy = Coordinate(b, 1) - Coordinate(a, 1), uz = Coordinate(b, 2) - Coordinate(a, 2);
        double vx = Coordinate(c, 0) - Coordinate(a, 0), vy = Coordinate(c, 1) - Coordinate(a, 1), vz = Coordinate(c, 2) - Coordinate(a, 2);
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        // Only an exactly flat triangle counts: any tolerance would flag fine meshes.
        return cx == 0 && cy == 0 && cz == 0;
    }
}
