using System.Globalization;
using System.Text;
using Conformance.Reference.Zarr.DataTypes;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// The sound hierarchies every OME case starts from: an image pyramid with omero rendering
/// metadata and a label image, a high-content-screening plate, and a bioformats2raw
/// collection; in 0.5 form (metadata under <c>attributes.ome</c>, <c>dimension_names</c> on
/// every level) or 0.4 form (keys at the top of the attributes, versions inside each object).
/// </summary>
internal static class OmeBases
{
    /// <summary>
    /// An image of three levels, c/z/y/x (2, 2, 8, 8 at full resolution), halved along y and x
    /// by taking every second pixel; uint16 values 1000c + 100z + 10y + x in full-resolution
    /// coordinates, so each level can be checked against the first. With <paramref name="labels"/>,
    /// a labels group holding one z/y/x label image of three levels, "cells".
    /// </summary>
    public static OmeStore Image(bool namespaced = true, bool labels = false)
    {
        var store = new OmeStore(namespaced);
        store.Group("/", new JsonMembers
        {
            { "multiscales", Doc.List(Multiscale(namespaced, "image", [Channel("c"), Space("z"), Space("y"), Space("x")], [Doc.Nums("1", "0.5", "0.25", "0.25"), Doc.Nums("1", "0.5", "0.5", "0.5"), Doc.Nums("1", "0.5", "1", "1")], Doc.Nums("0", "0", "1.5", "2.5"), [Doc.Nums("1", "1", "1", "1")])) },
            { "omero", Omero() },
        });
        string[]? names = namespaced ? ["c", "z", "y", "x"] : null;
        for (int level = 0; level < 3; level++)
        {
            int k = level;
            long side = 8 >> k;
            store.Arrays["/" + k] = OmeArray.Of([2, 2, side, side], [1, 2, Math.Min(4, side), Math.Min(4, side)], IntegerDataType.UInt16, names,
                i => (1000 * i[0]) + (100 * i[1]) + (10 * (i[2] << k)) + (i[3] << k));
        }
        if (labels)
        {
            AddLabels(store);
        }
        return store;
    }

    /// <summary>
    /// The labels group of <see cref="Image"/> and its label image "cells": uint8, 0 in the
    /// top-left quarter of every plane (so those chunks are not stored), 1 in the top-right,
    /// 2 in the bottom half, with colors, properties and its source image.
    /// </summary>
    private static void AddLabels(OmeStore store)
    {
        store.Group("/labels", new JsonMembers { { "labels", Doc.List("cells") } });
        var imageLabel = new JsonMembers();
        if (!store.Namespaced)
        {
            imageLabel.Add("version", "0.4");
        }
        imageLabel.Add("colors", Doc.List(
            new JsonMembers { { "label-value", 1 }, { "rgba", Doc.List(255, 0, 0, 255) } },
            new JsonMembers { { "label-value", 2 }, { "rgba", Doc.List(0, 255, 0, 128) } }));
        imageLabel.Add("properties", Doc.List(
            new JsonMembers { { "label-value", 1 }, { "class", "nucleus" } },
            new JsonMembers { { "label-value", 2 }, { "class", "cytoplasm" } }));
        imageLabel.Add("source", new JsonMembers { { "image", "../../" } });
        store.Group("/labels/cells", new JsonMembers
        {
            { "multiscales", Doc.List(Multiscale(store.Namespaced, "cells", [Space("z"), Space("y"), Space("x")], [Doc.Nums("0.5", "0.25", "0.25"), Doc.Nums("0.5", "0.5", "0.5"), Doc.Nums("0.5", "1", "1")], Doc.Nums("0", "1.5", "2.5"), null)) },
            { "image-label", imageLabel },
        });
        string[]? names = store.Namespaced ? ["z", "y", "x"] : null;
        for (int level = 0; level < 3; level++)
        {
            store.Arrays["/labels/cells/" + level] = LabelLevel(level, names, IntegerDataType.UInt8);
        }
    }

    /// <summary>One level of the "cells" label image.</summary>
    public static OmeArray LabelLevel(int level, string[]? names, ZarrDataType dataType)
    {
        long side = 8 >> level;
        return OmeArray.Of([2, side, side], [1, Math.Min(4, side), Math.Min(4, side)], dataType, names, i =>
        {
            long y = i[1] << level, x = i[2] << level;
            return y >= 4 ? 2 : x >= 4 ? 1 : 0;
        });
    }

    /// <summary>
    /// A plate of rows A-B and columns 1-3 with wells A/1 (fields 0 and 1, from acquisitions 0
    /// and 1) and B/3 (field 0, acquisition 0); column 2 has no well, as a physical plate may.
    /// Each field is a y/x image of two levels (4x4, 2x2) with uint8 values 100f + 10y + x,
    /// f numbering the fields 0-2 across the plate.
    /// </summary>
    public static OmeStore Plate(bool namespaced = true)
    {
        var store = new OmeStore(namespaced);
        var plate = new JsonMembers();
        if (!namespaced)
        {
            plate.Add("version", "0.4");
        }
        plate.Add("name", "fixture plate");
        plate.Add("field_count", 2);
        plate.Add("rows", Doc.List(Named("A"), Named("B")));
        plate.Add("columns", Doc.List(Named("1"), Named("2"), Named("3")));
        plate.Add("wells", Doc.List(Well("A/1", 0, 0), Well("B/3", 1, 2)));
        plate.Add("acquisitions", Doc.List(
            new JsonMembers { { "id", 0 }, { "name", "first pass" }, { "maximumfieldcount", 1 }, { "starttime", 1700000000 }, { "endtime", 1700000360 } },
            new JsonMembers { { "id", 1 }, { "name", "second pass" }, { "maximumfieldcount", 1 } }));
        store.Group("/", new JsonMembers { { "plate", plate } });
        store.Group("/A", null);
        store.Group("/B", null);
        AddWell(store, "/A/1", [("0", 0), ("1", 1)], 0);
        AddWell(store, "/B/3", [("0", 0)], 2);
        return store;
    }

    private static void AddWell(OmeStore store, string path, (string Path, int Acquisition)[] fields, int firstField)
    {
        var well = new JsonMembers();
        if (!store.Namespaced)
        {
            well.Add("version", "0.4");
        }
        well.Add("images", fields.Select(f => (object?)new JsonMembers { { "path", f.Path }, { "acquisition", f.Acquisition } }).ToList());
        store.Group(path, new JsonMembers { { "well", well } });
        for (int f = 0; f < fields.Length; f++)
        {
            AddField(store, path + "/" + fields[f].Path, "field", 100 * (firstField + f));
        }
    }

    /// <summary>A y/x image of two levels (4x4 and 2x2, chunks of 2x2), uint8 values offset + 10y + x.</summary>
    public static void AddField(OmeStore store, string path, string name, long offset)
    {
        store.Group(path, new JsonMembers
        {
            { "multiscales", Doc.List(Multiscale(store.Namespaced, name, [Space("y"), Space("x")], [Doc.Nums("0.5", "0.5"), Doc.Nums("1", "1")], null, null)) },
        });
        string[]? names = store.Namespaced ? ["y", "x"] : null;
        for (int level = 0; level < 2; level++)
        {
            int k = level;
            long side = 4 >> k;
            store.Arrays[path + "/" + k] = OmeArray.Of([side, side], [2, 2], IntegerDataType.UInt8, names, i => offset + (10 * (i[0] << k)) + (i[1] << k));
        }
    }

    /// <summary>
    /// A bioformats2raw collection (0.5): layout 3 at the root, two y/x images "0" and "1",
    /// and the OME group listing them as "series" beside METADATA.ome.xml (MetadataOnly
    /// pixels, as bf2raw-details asks).
    /// </summary>
    public static OmeStore Bioformats2Raw()
    {
        var store = new OmeStore(namespaced: true);
        store.Group("/", new JsonMembers { { "bioformats2raw.layout", 3 } });
        store.Group("/OME", new JsonMembers { { "series", Doc.List("0", "1") } });
        AddField(store, "/0", "first series", 0);
        AddField(store, "/1", "second series", 100);
        store.Files["OME/METADATA.ome.xml"] = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">
              <Image ID="Image:0" Name="first series">
                <Pixels ID="Pixels:0" DimensionOrder="XYZCT" Type="uint8" SizeX="4" SizeY="4" SizeZ="1" SizeC="1" SizeT="1" PhysicalSizeX="0.5" PhysicalSizeY="0.5">
                  <MetadataOnly/>
                </Pixels>
              </Image>
              <Image ID="Image:1" Name="second series">
                <Pixels ID="Pixels:1" DimensionOrder="XYZCT" Type="uint8" SizeX="4" SizeY="4" SizeZ="1" SizeC="1" SizeT="1" PhysicalSizeX="0.5" PhysicalSizeY="0.5">
                  <MetadataOnly/>
                </Pixels>
              </Image>
            </OME>

            """);
        return store;
    }

    /// <summary>
    /// A 0.5 image with all five axis kinds, t/c/z/y/x (2, 2, 2, 4, 4), two levels, and a
    /// multiscales-level scale giving the time step (60 s) shared by both levels.
    /// </summary>
    public static OmeStore Image5D()
    {
        var store = new OmeStore(namespaced: true);
        JsonMembers multiscale = Multiscale(true, "time series", [Time("t"), Channel("c"), Space("z"), Space("y"), Space("x")], [Doc.Nums("1", "1", "0.5", "0.25", "0.25"), Doc.Nums("1", "1", "0.5", "0.5", "0.5")], null, [Doc.Nums("60", "1", "1", "1", "1")]);
        store.Group("/", new JsonMembers { { "multiscales", Doc.List(multiscale) } });
        for (int level = 0; level < 2; level++)
        {
            int k = level;
            long side = 4 >> k;
            store.Arrays["/" + k] = OmeArray.Of([2, 2, 2, side, side], [1, 1, 2, side, side], IntegerDataType.UInt16, ["t", "c", "z", "y", "x"],
                i => (10000 * i[0]) + (1000 * i[1]) + (100 * i[2]) + (10 * (i[3] << k)) + (i[4] << k));
        }
        return store;
    }

    /// <summary>
    /// One multiscales object: levels "0", "1", ... each with its scale and, when given, one
    /// translation shared by all levels; a multiscales-level transformation list when given.
    /// </summary>
    public static JsonMembers Multiscale(bool namespaced, string name, JsonMembers[] axes, List<object?>[] scales, List<object?>? translation, List<object?>[]? shared)
    {
        var multiscale = new JsonMembers();
        if (!namespaced)
        {
            multiscale.Add("version", "0.4");
        }
        multiscale.Add("name", name);
        multiscale.Add("type", "subsample");
        multiscale.Add("metadata", new JsonMembers { { "description", "every second pixel along y and x, starting at the first" } });
        multiscale.Add("axes", axes.Cast<object?>().ToList());
        var datasets = new List<object?>();
        for (int level = 0; level < scales.Length; level++)
        {
            List<object?> transformations = [Scale(scales[level])];
            if (translation is not null)
            {
                transformations.Add(Translation([.. translation]));
            }
            datasets.Add(new JsonMembers { { "path", level.ToString(CultureInfo.InvariantCulture) }, { "coordinateTransformations", transformations } });
        }
        multiscale.Add("datasets", datasets);
        if (shared is not null)
        {
            multiscale.Add("coordinateTransformations", shared.Select(s => (object?)Scale(s)).ToList());
        }
        return multiscale;
    }

    public static JsonMembers Scale(List<object?> values) => new() { { "type", "scale" }, { "scale", values } };

    public static JsonMembers Translation(List<object?> values) => new() { { "type", "translation" }, { "translation", values } };

    public static JsonMembers Space(string name) => new() { { "name", name }, { "type", "space" }, { "unit", "micrometer" } };

    public static JsonMembers Time(string name) => new() { { "name", name }, { "type", "time" }, { "unit", "second" } };

    public static JsonMembers Channel(string name) => new() { { "name", name }, { "type", "channel" } };

    public static JsonMembers Named(string name) => new() { { "name", name } };

    public static JsonMembers Well(string path, int row, int column) => new() { { "path", path }, { "rowIndex", row }, { "columnIndex", column } };

    /// <summary>Rendering settings for the two channels of <see cref="Image"/>.</summary>
    private static JsonMembers Omero() => new()
    {
        { "name", "image" },
        { "channels", Doc.List(OmeroChannel("DAPI", "0000FF", 1200), OmeroChannel("GFP", "00FF00", 1177)) },
        { "rdefs", new JsonMembers { { "defaultT", 0 }, { "defaultZ", 1 }, { "model", "color" } } },
    };

    public static JsonMembers OmeroChannel(string label, string color, int end) => new()
    {
        { "label", label },
        { "color", color },
        { "active", true },
        { "window", new JsonMembers { { "min", 0 }, { "max", 65535 }, { "start", 0 }, { "end", end } } },
    };
}
