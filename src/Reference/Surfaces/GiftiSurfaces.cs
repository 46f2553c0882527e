using System.Text.Json.Nodes;
using Conformance.Reference.Gifti;
using Conformance.Reference.Model;

namespace Conformance.Reference.Surfaces;

/// <summary>
/// GIFTI to the surface profile and back (spec/surface-zarr/README.md, "From GIFTI").
/// </summary>
/// <remarks>
/// The first POINTSET array that is FLOAT32 [N, 3] becomes <c>coordinates/&lt;name&gt;</c>
/// (further ones <c>&lt;name&gt;2</c>, …); the first TRIANGLE array that is INT32 [M, 3] becomes
/// <c>triangles</c>; every other array becomes <c>data/&lt;Name metadata or arrayK&gt;</c>.
/// Elements keep their bytes: the reader has already made them little-endian, and column-major
/// arrays are transposed to C order (a permutation, undone on the way back). What only the file
/// knows (encoding, endianness, order, external file, metadata order, label table) goes under
/// <c>surface.source</c>, one entry per DataArray in file order.
/// </remarks>
public static class GiftiSurfaces
{
    /// <summary>Reads the GIFTI file at <paramref name="path"/> as the profile's content, its coordinate set named after the file.</summary>
    public static SurfaceContent Read(string path) => FromGifti(GiftiReader.Read(path), NameOf(Path.GetFileName(path)));

    /// <summary>
    /// The coordinate set name a GIFTI file name gives: without <c>.gii</c>, a GIFTI kind suffix
    /// (<c>.surf</c>, <c>.func</c>, <c>.shape</c>, <c>.label</c>, <c>.time</c>) and a hemisphere
    /// prefix (<c>lh.</c>, <c>rh.</c>): <c>lh.white.surf.gii</c> → <c>white</c>.
    /// </summary>
    public static string NameOf(string file)
    {
        string name = file.EndsWith(".gii", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
        foreach (string suffix in new[] { ".surf", ".func", ".shape", ".label", ".time", ".coord", ".topo" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
                break;
            }
        }
        if (name.StartsWith("lh.", StringComparison.Ordinal) || name.StartsWith("rh.", StringComparison.Ordinal))
        {
            name = name[3..];
        }
        return SurfaceJson.IsNodeName(name) ? name : "surface";
    }

    /// <summary>The profile's content for <paramref name="image"/>; <paramref name="name"/> names its coordinate set.</summary>
    public static SurfaceContent FromGifti(GiftiImage image, string name)
    {
        var content = new SurfaceContent();
        var sourceArrays = new JsonArray();
        var transforms = new JsonArray();
        var used = new HashSet<string>(StringComparer.Ordinal);
        bool haveTriangles = false;
        int pointSets = 0;
        string? structure = image.MetaData["AnatomicalStructurePrimary"];
        int vertexCount = -1;
        // A data array whose first dimension is the triangle count and not the vertex count is per face.
        int faceCount = image.DataArrays.FirstOrDefault(a => a.Intent == GiftiIntent.Triangle && a.DataType == GiftiDataType.Int32 && a.Dims is [_, 3])?.Dims[0] ?? -1;
        int firstVertexCount = image.DataArrays.FirstOrDefault(a => a.Intent == GiftiIntent.PointSet && a.DataType == GiftiDataType.Float32 && a.Dims is [_, 3])?.Dims[0] ?? -1;
        for (int i = 0; i < image.DataArrays.Count; i++)
        {
            GiftiDataArray array = image.DataArrays[i];
            byte[] bytes = ToCOrder(array);
            string path;
            string[] dimensionNames;
            var attributes = new JsonObject();
            if (array.Intent == GiftiIntent.PointSet && array.DataType == GiftiDataType.Float32 && array.Dims is [_, 3] && (vertexCount < 0 || array.Dims[0] == vertexCount))
            {
                pointSets++;
                path = "coordinates/" + Unique(used, pointSets == 1 ? name : name + pointSets.ToString(System.Globalization.CultureInfo.InvariantCulture));
                vertexCount = array.Dims[0];
                dimensionNames = ["vertex", "xyz"];
                structure ??= array.MetaData["AnatomicalStructurePrimary"];
                foreach (CoordinateSystemTransform t in array.CoordinateSystemTransforms)
                {
                    transforms.Add(new JsonObject
                    {
                        ["coordinates"] = path["coordinates/".Length..],
                        ["from"] = t.DataSpace,
                        ["to"] = t.TransformedSpace,
                        ["matrix"] = new JsonArray([.. Enumerable.Range(0, 4).Select(r => (JsonNode?)new JsonArray([.. t.MatrixData.Skip(r * 4).Take(4).Select(v => (JsonNode?)SurfaceJson.Number(v))]))]),
                    });
                }
            }
            else if (!haveTriangles && array.Intent == GiftiIntent.Triangle && array.DataType == GiftiDataType.Int32 && array.Dims is [_, 3])
            {
                haveTriangles = true;
                path = "triangles";
                dimensionNames = ["triangle", "corner"];
            }
            else
            {
                string? given = array.MetaData["Name"];
                path = "data/" + Unique(used, given is not null && SurfaceJson.IsNodeName(given) ? given : "array" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                bool perFace = array.Dims[0] == faceCount && array.Dims[0] != firstVertexCount;
                dimensionNames = [.. array.Dims.Select((_, d) => d == 0 ? (perFace ? "triangle" : "vertex") : "dim" + d.ToString(System.Globalization.CultureInfo.InvariantCulture))];
                attributes["surface"] = DataAttributes(image, array, perFace ? "face" : "vertex");
            }
            content.Arrays.Add(new SurfaceArray(path, GiftiNames.ElementTypeOf(array.DataType), [.. array.Dims], bytes, dimensionNames, attributes));
            var entry = new JsonObject
            {
                ["path"] = path,
                ["intent"] = GiftiNames.Of(array.Intent),
                ["data_type"] = GiftiNames.Of(array.DataType),
                ["order"] = GiftiNames.Of(array.ArrayIndexingOrder),
                ["endian"] = GiftiNames.Of(array.Endian),
                ["encoding"] = GiftiNames.Of(array.Encoding),
                ["metadata"] = SurfaceJson.Pairs(array.MetaData.Entries),
                ["transforms"] = new JsonArray([.. array.CoordinateSystemTransforms.Select(t => (JsonNode?)new JsonObject
                {
                    ["from"] = t.DataSpace,
                    ["to"] = t.TransformedSpace,
                    ["matrix"] = new JsonArray([.. t.MatrixData.Select(v => (JsonNode?)SurfaceJson.Number(v))]),
                })]),
            };
            if (array.Encoding == GiftiEncoding.ExternalFileBinary)
            {
                entry["external_file"] = array.ExternalFileName;
                entry["external_offset"] = array.ExternalFileOffset;
            }
            if (array.GzipWrapped)
            {
                entry["gzip_wrapped"] = true;
            }
            sourceArrays.Add(entry);
        }
        content.Surface["version"] = SurfaceZarr.Version;
        if (structure is not null)
        {
            content.Surface["structure"] = structure;
        }
        content.Surface["space"] = "RAS+";
        content.ListArrays();
        content.Surface["metadata"] = SurfaceJson.Object(image.MetaData.Entries);
        if (transforms.Count > 0)
        {
            content.Surface["transforms"] = transforms;
        }
        content.Surface["source"] = new JsonObject
        {
            ["format"] = "gifti",
            ["version"] = image.Version,
            ["metadata"] = SurfaceJson.Pairs(image.MetaData.Entries),
            ["label_table"] = new JsonArray([.. image.LabelTable.Labels.Select(l => (JsonNode?)new JsonObject
            {
                ["key"] = l.Key,
                ["legacy_index"] = l.KeyFromLegacyIndex,
                ["name"] = l.Name,
                ["rgba"] = new JsonArray(Component(l.Red), Component(l.Green), Component(l.Blue), Component(l.Alpha)),
            })]),
            ["arrays"] = sourceArrays,
        };
        return content;
    }

    /// <summary>The GIFTI image <paramref name="content"/> came from; needs <c>source.format</c> "gifti".</summary>
    public static GiftiImage ToGifti(SurfaceContent content)
    {
        JsonObject source = content.Source;
        if ((string?)source["format"] != "gifti" || source["arrays"] is not JsonArray arrays)
        {
            return FromProfile(content);
        }
        var image = new GiftiImage { Version = (string?)source["version"] ?? "1.0" };
        foreach (KeyValuePair<string, string> e in SurfaceJson.ReadPairs(source["metadata"]))
        {
            image.MetaData.Add(e.Key, e.Value);
        }
        foreach (JsonNode? node in source["label_table"] as JsonArray ?? [])
        {
            var l = (JsonObject)node!;
            var rgba = (JsonArray)l["rgba"]!;
            image.LabelTable.Labels.Add(new GiftiLabel
            {
                Key = SurfaceJson.Value<int>(l, "key"),
                KeyFromLegacyIndex = (bool?)l["legacy_index"] ?? false,
                Name = (string?)l["name"] ?? "",
                Red = Float(rgba[0]),
                Green = Float(rgba[1]),
                Blue = Float(rgba[2]),
                Alpha = Float(rgba[3]),
            });
        }
        image.NumberOfDataArrays = arrays.Count;
        foreach (JsonNode? node in arrays)
        {
            var entry = (JsonObject)node!;
            string path = SurfaceJson.String(entry, "path");
            SurfaceArray stored = content.Find(path) ?? throw new ConformanceException("SURF-ZARR-002", path, $"source lists {path}, which the group does not hold");
            var array = new GiftiDataArray
            {
                Intent = Parse<GiftiIntent>(GiftiNames.TryIntent, SurfaceJson.String(entry, "intent")),
                DataType = Parse<GiftiDataType>(GiftiNames.TryDataType, SurfaceJson.String(entry, "data_type")),
                ArrayIndexingOrder = Parse<ArrayIndexingOrder>(GiftiNames.TryOrder, SurfaceJson.String(entry, "order")),
                Endian = Parse<GiftiEndian>(GiftiNames.TryEndian, SurfaceJson.String(entry, "endian")),
                Encoding = Parse<GiftiEncoding>(GiftiNames.TryEncoding, SurfaceJson.String(entry, "encoding")),
                Dims = [.. stored.Shape],
                ExternalFileName = (string?)entry["external_file"],
                ExternalFileOffset = (long?)entry["external_offset"] ?? 0,
                GzipWrapped = (bool?)entry["gzip_wrapped"] ?? false,
            };
            foreach (KeyValuePair<string, string> e in SurfaceJson.ReadPairs(entry["metadata"]))
            {
                array.MetaData.Add(e.Key, e.Value);
            }
            foreach (JsonNode? t in entry["transforms"] as JsonArray ?? [])
            {
                array.CoordinateSystemTransforms.Add(new CoordinateSystemTransform
                {
                    DataSpace = (string)t!["from"]!,
                    TransformedSpace = (string)t["to"]!,
                    MatrixData = [.. ((JsonArray)t["matrix"]!).Select(SurfaceJson.Double)],
                });
            }
            array.Data = FromCOrder(stored.Data, stored.ElementType, array.Dims, array.ArrayIndexingOrder);
            image.DataArrays.Add(array);
        }
        return image;
    }

    /// <summary>
    /// A GIFTI image for a surface from elsewhere (FreeSurfer, or a group without GIFTI source):
    /// coordinates, then triangles, then data, base64 little-endian row-major.
    /// </summary>
    private static GiftiImage FromProfile(SurfaceContent content)
    {
        var image = new GiftiImage();
        if (content.Surface["metadata"] is JsonObject metadata)
        {
            foreach (KeyValuePair<string, JsonNode?> e in metadata)
            {
                image.MetaData.Add(e.Key, (string?)e.Value ?? "");
            }
        }
        string? structure = (string?)content.Surface["structure"];
        foreach (SurfaceArray stored in content.Arrays.OrderBy(a => a.Path.StartsWith("coordinates/", StringComparison.Ordinal) ? 0 : a.Path == "triangles" ? 1 : 2))
        {
            var array = new GiftiDataArray
            {
                DataType = GiftiTypeOf(stored.ElementType),
                Dims = [.. stored.Shape],
                Data = stored.Data,
            };
            if (stored.Path.StartsWith("coordinates/", StringComparison.Ordinal))
            {
                array.Intent = GiftiIntent.PointSet;
                if (structure is not null)
                {
                    array.MetaData.Add("AnatomicalStructurePrimary", structure);
                }
                array.CoordinateSystemTransforms.Add(new CoordinateSystemTransform());
            }
            else if (stored.Path == "triangles")
            {
                array.Intent = GiftiIntent.Triangle;
            }
            else
            {
                JsonObject? attributes = stored.Attributes["surface"] as JsonObject;
                array.Intent = attributes?["intent"] is JsonNode intent && GiftiNames.TryIntent((string)intent!, out GiftiIntent parsed) ? parsed : GiftiIntent.None;
                array.MetaData.Add("Name", stored.Path["data/".Length..]);
                if (attributes?["labels"] is JsonObject labels && image.LabelTable.Labels.Count == 0)
                {
                    foreach (KeyValuePair<string, JsonNode?> label in labels)
                    {
                        var rgba = (JsonArray)label.Value!["rgba"]!;
                        image.LabelTable.Labels.Add(new GiftiLabel
                        {
                            Key = int.Parse(label.Key, System.Globalization.CultureInfo.InvariantCulture),
                            Name = (string?)label.Value["name"] ?? "",
                            Red = rgba[0]!.GetValue<float>(),
                            Green = rgba[1]!.GetValue<float>(),
                            Blue = rgba[2]!.GetValue<float>(),
                            Alpha = rgba[3]!.GetValue<float>(),
                        });
                    }
                }
            }
            image.DataArrays.Add(array);
        }
        image.NumberOfDataArrays = image.DataArrays.Count;
        return image;
    }

    private static JsonObject DataAttributes(GiftiImage image, GiftiDataArray array, string domain)
    {
        var surface = new JsonObject
        {
            ["domain"] = domain,
            ["intent"] = GiftiNames.Of(array.Intent),
            ["metadata"] = SurfaceJson.Object(array.MetaData.Entries),
        };
        if (array.Intent == GiftiIntent.Label)
        {
            var labels = new JsonObject();
            foreach (GiftiLabel label in image.LabelTable.Labels)
            {
                // The profile needs four numbers; GIFTI lets a label leave its colour out (read as 0 here; source keeps the absence).
                labels[label.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["name"] = label.Name,
                    ["rgba"] = new JsonArray(label.Red ?? 0f, label.Green ?? 0f, label.Blue ?? 0f, label.Alpha ?? 0f),
                };
            }
            surface["labels"] = labels;
        }
        return surface;
    }

    private static JsonNode? Component(float? value) => value is float v ? SurfaceJson.Number(v) : null;

    private static float? Float(JsonNode? node) => node is null ? null : (float)SurfaceJson.Double(node);

    private delegate bool TryParse<T>(string name, out T value);

    private static T Parse<T>(TryParse<T> parse, string name) =>
        parse(name, out T value) ? value : throw new ConformanceException("SURF-ZARR-001", "zarr.json", $"surface.source holds an unknown GIFTI name \"{name}\"");

    private static string Unique(HashSet<string> used, string name)
    {
        string candidate = name;
        for (int k = 2; !used.Add(candidate); k++)
        {
            candidate = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }

    /// <summary>The array's elements in C order: column-major file order is the C order of the reversed Dims.</summary>
    private static byte[] ToCOrder(GiftiDataArray array)
    {
        if (array.ArrayIndexingOrder == ArrayIndexingOrder.RowMajor || array.Dims.Length < 2)
        {
            return array.Data;
        }
        ElementType type = GiftiNames.ElementTypeOf(array.DataType);
        int[] reversed = [.. array.Dims.Reverse()];
        using NdArray file = NdArray.FromBytes(type, reversed, array.Data);
        using NdArray c = NdArray.Create(type, array.Dims);
        file.PermuteInto([.. Enumerable.Range(0, reversed.Length).Reverse()], c);
        return c.Bytes.ToArray();
    }

    private static byte[] FromCOrder(byte[] data, ElementType type, int[] dims, ArrayIndexingOrder order)
    {
        if (order == ArrayIndexingOrder.RowMajor || dims.Length < 2)
        {
            return data;
        }
        using NdArray c = NdArray.FromBytes(type, dims, data);
        using NdArray file = NdArray.Create(type, [.. dims.Reverse()]);
        c.PermuteInto([.. Enumerable.Range(0, dims.Length).Reverse()], file);
        return file.Bytes.ToArray();
    }


    private static GiftiDataType GiftiTypeOf(ElementType type) => type.Kind switch
    {
        ElementKind.UInt8 => GiftiDataType.UInt8,
        ElementKind.Int32 => GiftiDataType.Int32,
        ElementKind.Float32 => GiftiDataType.Float32,
        _ => throw new ConformanceException(GiftiRules.DataType, "zarr.json", $"GIFTI 1.0 holds uint8, int32 and float32, not {type}"),
    };
}
