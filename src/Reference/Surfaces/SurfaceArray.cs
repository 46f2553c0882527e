using System.Text.Json.Nodes;
using Conformance.Reference.Model;

namespace Conformance.Reference.Surfaces;

/// <summary>
/// One array of a surface group (spec/surface-zarr/README.md, "Layout"): its path in the group
/// (<c>triangles</c>, <c>coordinates/white</c>, <c>data/thickness</c>), its elements as
/// little-endian bytes in C order, its <c>dimension_names</c> and its attributes.
/// </summary>
public sealed record SurfaceArray(string Path, ElementType ElementType, int[] Shape, byte[] Data, string[] DimensionNames, JsonObject Attributes);
