using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Conformance.Reference.FreeSurfer;
using Conformance.Reference.Model;
using Conformance.Reference.Surfaces;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Fixtures.SurfaceZarr;

/// <summary>
/// The sound surfaces the <c>surface-zarr</c> cases start from, made by the reference converter
/// from FreeSurfer models, and the step that stores one as a fixture.
/// </summary>
internal static class SurfaceBase
{
    public const string Corpus = "surface-zarr";

    public const string Spec = "spec/surface-zarr/README.md";

    private static readonly ColorTable Table = new([new ColorTableEntry(0, "unknown", 25, 5, 25, 0), new ColorTableEntry(1, "bankssts", 25, 100, 40, 0)]) { FileName = "FreeSurferColorLUT.txt" };

    /// <summary>
    /// A tetrahedron (4 vertices, 4 triangles) with coordinate sets white and pial, per-vertex
    /// thickness and an aparc annotation whose label table covers every value.
    /// </summary>
    public static SurfaceContent Tetrahedron()
    {
        var white = new FreeSurferSurface([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 2, 0, 1, 3, 0, 2, 3, 1, 2, 3]) { CreatedBy = "created by fixtures" };
        SurfaceContent content = FreeSurferSurfaces.FromSurface(white, "white", "CortexLeft");
        content.Arrays.Add(new SurfaceArray("coordinates/pial", ElementType.Float32, [4, 3], Floats([0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2]), ["vertex", "xyz"], []));
        SurfaceContent thickness = FreeSurferSurfaces.FromCurvature(new Curvature([2.5f, 2.25f, 3f, 1.75f]), "thickness");
        content.Arrays.Add(thickness.Arrays[0]);
        int a = Table.Entries[0].Annotation;
        int b = Table.Entries[1].Annotation;
        SurfaceContent aparc = FreeSurferSurfaces.FromAnnotation(new Annotation([0, 1, 2, 3], [a, b, b, a], Table), "aparc");
        content.Arrays.Add(aparc.Arrays[0]);
        content.ListArrays();
        return content;
    }

    /// <summary>lh.thickness on its own: per-vertex data without geometry.</summary>
    public static SurfaceContent DataOnly() => FreeSurferSurfaces.FromCurvature(new Curvature([2.5f, 2.25f, 3f]) { FaceCount = 2 }, "thickness", "CortexLeft");

    /// <summary>lh.cortex.label: a point set with its vertex numbers and values.</summary>
    public static SurfaceContent LabelPoints() =>
        FreeSurferSurfaces.FromLabel(new Label([new LabelPoint(7, -1.5f, 2f, 3.25f, 0f), new LabelPoint(9, 4f, 5f, 6f, 1f)]), "cortex", "CortexLeft");

    /// <summary>The surface attribute of <paramref name="content"/>.</summary>
    public static JsonObject Surface(SurfaceContent content) => content.Surface;

    /// <summary>Replaces the array at <paramref name="path"/>.</summary>
    public static void Replace(SurfaceContent content, string path, Func<SurfaceArray, SurfaceArray> change)
    {
        int index = content.Arrays.FindIndex(a => a.Path == path);
        content.Arrays[index] = change(content.Arrays[index]);
    }

    public static byte[] Floats(params float[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }
        return bytes;
    }

    public static byte[] Ints(params int[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }
        return bytes;
    }

    /// <summary>Stores <paramref name="content"/> with the reference writer and puts every key into <paramref name="fixture"/>.</summary>
    public static FixtureCase Into(FixtureCase fixture, SurfaceContent content)
    {
        var store = new MemoryStore();
        // Fixture generation is synchronous end to end; a memory store completes its writes
        // without waiting on anything, so blocking here cannot deadlock.
        Reference.Surfaces.SurfaceZarr.WriteAsync(content, store).AsTask().GetAwaiter().GetResult();
        foreach (string key in store.ListPrefixAsync("").ToBlockingEnumerable().Order(StringComparer.Ordinal))
        {
            using StoreValue value = store.GetAsync(key).AsTask().GetAwaiter().GetResult()!;
            fixture.Raw(key, value.Memory.ToArray());
        }
        if (fixture.Expect == "valid")
        {
            fixture.Groups.Add("/");
            foreach (string folder in content.Arrays.Where(a => a.Path.Contains('/', StringComparison.Ordinal)).Select(a => "/" + a.Path[..a.Path.IndexOf('/', StringComparison.Ordinal)]))
            {
                fixture.Groups.Add(folder);
            }
        }
        return fixture;
    }
}
