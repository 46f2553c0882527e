namespace Conformance.Validator.Validation.OmeNgff;

/// <summary>
/// The IDs of the OME-NGFF rules the check reports, as catalogued in <c>spec/ome-ngff/rules.json</c>
/// (rules marked <c>"checked": false</c> there are catalogued only).
/// </summary>
public static class OmeRules
{
    /// <summary>In 0.5 the OME-Zarr metadata is the JSON object under the namespaced key "ome" in a node's attributes.</summary>
    public const string Meta001 = "OME-META-001";

    /// <summary>The "ome" object carries the metadata version as a string in "version" ("0.5" for this version).</summary>
    public const string Version001 = "OME-VERSION-001";

    /// <summary>The OME-Zarr metadata version is consistent within a hierarchy: a node's version equals that of its nearest ancestor that states one, and the versions stated inside one node agree.</summary>
    public const string Version002 = "OME-VERSION-002";

    /// <summary>A version other than 0.4 or 0.5 is not checked.</summary>
    public const string Version003 = "OME-VERSION-003";

    /// <summary>In 0.4 each multiscales object carries "version", a string.</summary>
    public const string Version004 = "OME-VERSION-004";

    /// <summary>"multiscales" is a non-empty list of objects, each with the fields "axes" and "datasets".</summary>
    public const string Multiscales001 = "OME-MULTISCALES-001";

    /// <summary>Each multiscales object has a "name" (a string).</summary>
    public const string Multiscales002 = "OME-MULTISCALES-002";

    /// <summary>Each multiscales object has a "type" (the downscaling method, a string) and a "metadata" object describing it.</summary>
    public const string Multiscales003 = "OME-MULTISCALES-003";

    /// <summary>"axes" is a list of 2 to 5 objects.</summary>
    public const string Axes001 = "OME-AXES-001";

    /// <summary>Every axis has a "name", a string, unique across the axes.</summary>
    public const string Axes002 = "OME-AXES-002";

    /// <summary>Every axis has a "type", a string; "space", "time" and "channel" are defined, other strings are custom types.</summary>
    public const string Axes003 = "OME-AXES-003";

    /// <summary>The axes hold 2 or 3 axes of type "space", at most one of type "time" and at most one of type "channel" or a custom (or absent) type.</summary>
    public const string Axes004 = "OME-AXES-004";

    /// <summary>The axes are ordered by type: time first (if present), then channel or custom (if present), then space.</summary>
    public const string Axes005 = "OME-AXES-005";

    /// <summary>A space or time axis has a "unit" from the spec's list of UDUNITS-2 names for its type.</summary>
    public const string Axes006 = "OME-AXES-006";

    /// <summary>Three space axes with an image plane yx stacked along z are ordered "zyx".</summary>
    public const string Axes007 = "OME-AXES-007";

    /// <summary>"datasets" is a non-empty list of objects, each with a "path" string.</summary>
    public const string Datasets001 = "OME-DATASETS-001";

    /// <summary>Each dataset "path", relative to the multiscales group, names an array in the hierarchy.</summary>
    public const string Datasets002 = "OME-DATASETS-002";

    /// <summary>Every dataset array has as many dimensions as there are axes (so the same number, and at most 5).</summary>
    public const string Datasets003 = "OME-DATASETS-003";

    /// <summary>The datasets are ordered from highest resolution to lowest.</summary>
    public const string Datasets004 = "OME-DATASETS-004";

    /// <summary>In 0.5 the zarr.json of each multiscale level array has "dimension_names", equal to the axes names in order.</summary>
    public const string DimensionNames001 = "OME-DIMNAMES-001";

    /// <summary>Each dataset has "coordinateTransformations", a list of objects each with a "type" string.</summary>
    public const string Transforms001 = "OME-TRANSFORMS-001";

    /// <summary>A dataset's transformations are only of type "scale" or "translation".</summary>
    public const string Transforms002 = "OME-TRANSFORMS-002";

    /// <summary>A dataset's transformations hold exactly one "scale", and it comes first.</summary>
    public const string Transforms003 = "OME-TRANSFORMS-003";

    /// <summary>A dataset's transformations hold at most one "translation", after the scale.</summary>
    public const string Transforms004 = "OME-TRANSFORMS-004";

    /// <summary>The "scale" and "translation" arrays are lists of numbers as long as "axes".</summary>
    public const string Transforms005 = "OME-TRANSFORMS-005";

    /// <summary>A multiscales-level "coordinateTransformations", if present, follows the same rules as a dataset's: scale or translation only, one scale first, at most one translation after it, lengths equal to the axes.</summary>
    public const string Transforms006 = "OME-TRANSFORMS-006";

    /// <summary>"omero", if present, is an object whose "channels" is a list of objects.</summary>
    public const string Omero001 = "OME-OMERO-001";

    /// <summary>A channel's "color" is a string of 6 hexadecimal digits (RGB).</summary>
    public const string Omero002 = "OME-OMERO-002";

    /// <summary>Each channel has both "color" and "window".</summary>
    public const string Omero003 = "OME-OMERO-003";

    /// <summary>A channel's "window" is an object holding the numbers "min", "max", "start" and "end".</summary>
    public const string Omero004 = "OME-OMERO-004";

    /// <summary>There are as many omero channels as the channel axis is long.</summary>
    public const string Omero005 = "OME-OMERO-005";

    /// <summary>"labels" is a list of strings, each the path of a label image relative to the labels group.</summary>
    public const string Labels001 = "OME-LABELS-001";

    /// <summary>Each listed label path names a group holding multiscales metadata.</summary>
    public const string Labels002 = "OME-LABELS-002";

    /// <summary>All label images in the labels group are listed in "labels".</summary>
    public const string Labels003 = "OME-LABELS-003";

    /// <summary>The arrays of a label image have an integer data type.</summary>
    public const string Labels004 = "OME-LABELS-004";

    /// <summary>A label image has as many datasets (scale levels) as the image whose labels group holds it.</summary>
    public const string Labels005 = "OME-LABELS-005";

    /// <summary>A label image listed in "labels" has "image-label" metadata.</summary>
    public const string Labels006 = "OME-LABELS-006";

    /// <summary>"image-label" is an object, on a node that also has multiscales metadata.</summary>
    public const string ImageLabel001 = "OME-IMAGE-LABEL-001";

    /// <summary>"colors", if present, is a list of objects, each with an integer "label-value", unique across the list.</summary>
    public const string ImageLabel002 = "OME-IMAGE-LABEL-002";

    /// <summary>A color's "rgba", if present, is a list of four integers from 0 to 255.</summary>
    public const string ImageLabel003 = "OME-IMAGE-LABEL-003";

    /// <summary>"properties", if present, is a list of objects, each with an integer "label-value".</summary>
    public const string ImageLabel004 = "OME-IMAGE-LABEL-004";

    /// <summary>"source", if present, is an object whose "image", if present, is a string.</summary>
    public const string ImageLabel005 = "OME-IMAGE-LABEL-005";

    /// <summary>"source.image" is the relative path of a Zarr image group, so it names a group with multiscales metadata.</summary>
    public const string ImageLabel006 = "OME-IMAGE-LABEL-006";

    /// <summary>"image-label" has a "colors" list.</summary>
    public const string ImageLabel007 = "OME-IMAGE-LABEL-007";

    /// <summary>"plate" is an object with "columns", "rows" and "wells", each a non-empty list of objects.</summary>
    public const string Plate001 = "OME-PLATE-001";

    /// <summary>Every column and row has a "name" string of alphanumeric characters only, unique (case-sensitively) within its list.</summary>
    public const string Plate002 = "OME-PLATE-002";

    /// <summary>Every well has a "path" of the form row-name/column-name and integer "rowIndex" and "columnIndex" (0-based, in range) that refer to the same row and column.</summary>
    public const string Plate003 = "OME-PLATE-003";

    /// <summary>Every well path names a group that implements the well specification (has "well" metadata).</summary>
    public const string Plate004 = "OME-PLATE-004";

    /// <summary>"acquisitions", if present, is a list of objects with a unique non-negative integer "id"; "maximumfieldcount" if present is a positive integer and "starttime"/"endtime" non-negative integers.</summary>
    public const string Plate005 = "OME-PLATE-005";

    /// <summary>In 0.4 the plate has a "version" string.</summary>
    public const string Plate006 = "OME-PLATE-006";

    /// <summary>"field_count", if present, is a positive integer, and "name", if present, a string.</summary>
    public const string Plate007 = "OME-PLATE-007";

    /// <summary>"well" is an object whose "images" is a list of objects, each with a "path" string of alphanumeric characters, unique within the list.</summary>
    public const string Well001 = "OME-WELL-001";

    /// <summary>Every field-of-view path in a well names a group holding multiscales metadata.</summary>
    public const string Well002 = "OME-WELL-002";

    /// <summary>An image's "acquisition" is an integer that matches the id of an acquisition of the plate; where the plate lists more than one acquisition, every image has one.</summary>
    public const string Well003 = "OME-WELL-003";

    /// <summary>In 0.4 the well has a "version" string.</summary>
    public const string Well004 = "OME-WELL-004";

    /// <summary>"bioformats2raw.layout" has the value 3, at the top of the hierarchy.</summary>
    public const string Bf2Raw001 = "OME-BF2RAW-001";

    /// <summary>A "series" attribute of the OME group is a list of strings, each the path of an image group (with multiscales metadata).</summary>
    public const string Bf2Raw002 = "OME-BF2RAW-002";
}
