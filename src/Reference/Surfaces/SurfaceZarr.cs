using System.Text.Json.Nodes;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Reference.Surfaces;

/// <summary>
/// Stores a <see cref="SurfaceContent"/> as a Zarr v3 group following the surface profile
/// (spec/surface-zarr/README.md) and reads it back. Arrays are one chunk each with the plain
/// little-endian <c>bytes</c> codec, so any Zarr v3 reader sees the same elements.
/// </summary>
public static class SurfaceZarr
{
    /// <summary>The profile version this code writes (SURF-ZARR-001).</summary>
    public const string Version = "0.1";

    /// <summary>Writes <paramref name="content"/> as the group at the root of <paramref name="store"/>.</summary>
    public static async ValueTask WriteAsync(SurfaceContent content, Store store, CancellationToken cancellationToken = default)
    {
        var attributes = new JsonObject { ["surface"] = content.Surface.DeepClone() };
        await ZarrGroup.CreateAsync(store, "/", new GroupMetadata { Attributes = attributes }, cancellationToken: cancellationToken);
        foreach (string folder in content.Arrays.Select(a => a.Path).Where(p => p.Contains('/', StringComparison.Ordinal)).Select(p => p[..p.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal))
        {
            await ZarrGroup.CreateAsync(store, "/" + folder, cancellationToken: cancellationToken);
        }
        foreach (SurfaceArray array in content.Arrays)
        {
            long[] shape = [.. array.Shape.Select(n => (long)n)];
            // One chunk per array; a zero-length dimension still needs a chunk length of 1.
            long[] chunks = [.. shape.Select(n => Math.Max(1L, n))];
            var metadata = new ArrayMetadata(shape, DataTypeRegistry.ForElementType(array.ElementType), new RegularChunkGrid(chunks), [BytesCodec.Little])
            {
                DimensionNames = array.DimensionNames,
                Attributes = (JsonObject)array.Attributes.DeepClone(),
            };
            ZarrArray zarr = await ZarrArray.CreateAsync(store, "/" + array.Path, metadata, cancellationToken: cancellationToken);
            if (shape.All(n => n > 0))
            {
                using NdArray data = NdArray.FromBytes(array.ElementType, array.Shape, array.Data);
                await zarr.WriteAllAsync(data, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reads the surface group at the root of <paramref name="store"/>: its <c>surface</c>
    /// attribute and every array it lists, plus <c>triangles</c>. Throws
    /// <see cref="ConformanceException"/> (SURF-ZARR-001) when the group is not a surface.
    /// </summary>
    public static async ValueTask<SurfaceContent> ReadAsync(Store store, CancellationToken cancellationToken = default)
    {
        ZarrGroup group = await ZarrGroup.OpenAsync(store, "/", cancellationToken: cancellationToken);
        if (group.Attributes["surface"] is not JsonObject surface || surface["version"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw new ConformanceException("SURF-ZARR-001", "zarr.json", "the group's attributes hold no surface object with a version");
        }
        var content = new SurfaceContent { Surface = (JsonObject)surface.DeepClone() };
        var paths = new List<string>();
        if (await ZarrHierarchy.ReadMetadataAsync(store, "/triangles", ZarrOptions.Default, cancellationToken) is ArrayMetadata)
        {
            paths.Add("triangles");
        }
        foreach ((string folder, string key) in new[] { ("coordinates", "coordinates"), ("data", "data") })
        {
            if (surface[key] is JsonArray names)
            {
                paths.AddRange(names.Select(n => folder + "/" + (string)n!));
            }
        }
        foreach (string path in paths)
        {
            ZarrArray zarr = await ZarrArray.OpenAsync(store, "/" + path, cancellationToken: cancellationToken);
            int[] shape = [.. zarr.Metadata.Shape.Select(n => checked((int)n))];
            byte[] bytes;
            if (shape.All(n => n > 0))
            {
                using NdArray data = await zarr.ReadAllAsync(cancellationToken);
                bytes = data.Bytes.ToArray();
            }
            else
            {
                bytes = [];
            }
            string[] names = [.. (zarr.Metadata.DimensionNames ?? []).Select(n => n ?? "")];
            content.Arrays.Add(new SurfaceArray(path, zarr.ElementType, shape, bytes, names, (JsonObject)zarr.Attributes.DeepClone()));
        }
        return content;
    }
}
