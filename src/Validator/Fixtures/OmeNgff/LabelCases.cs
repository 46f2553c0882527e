using Conformance.Reference.Zarr.DataTypes;
using Conformance.Validator.Validation.OmeNgff;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// Cases about the "labels" group and "image-label" metadata (0.5 labels-md, 0.4 label-md):
/// the image of <see cref="OmeBases.Image"/> with its label image "cells" and one change.
/// </summary>
internal static class LabelCases
{
    private static readonly string Labels = OmeCase.V05("labels-md");

    private const string Cells = "/labels/cells";

    public static IEnumerable<FixtureCase> Cases()
    {
        yield return OmeCase.Invalid("labels", "path-not-a-string",
            "\"labels\" lists \"cells\" and the number 7; every entry must be a path string.",
            Labels, Image().Change(s => Doc.Items(s.Ome("/labels")["labels"]).Add(7)), OmeRules.Labels001);
        yield return OmeCase.Invalid("labels", "listed-label-missing",
            "\"labels\" lists \"nuclei\", which is not a group of the hierarchy.",
            Labels, Image().Change(s => Doc.Items(s.Ome("/labels")["labels"]).Add("nuclei")), OmeRules.Labels002);
        yield return OmeCase.Valid("labels", "label-not-listed",
            "\"labels\" is empty although the labels group holds the label image \"cells\"; all label images should be listed.",
            Labels, Image().Change(s => s.Ome("/labels")["labels"] = Doc.List()), OmeRules.Labels003);
        yield return OmeCase.Invalid("labels", "float-label-level",
            "The first level of the label image is float32; label images must have an integer data type.",
            Labels, Image().Change(s => s.Arrays[Cells + "/0"] = OmeBases.LabelLevel(0, ["z", "y", "x"], FloatDataType.Float32)), OmeRules.Labels004);
        yield return OmeCase.Invalid("labels", "fewer-levels-than-image",
            "The label image has two levels for an image of three; it must have as many.",
            Labels, Image().Change(s =>
            {
                s.Datasets(Cells).RemoveAt(2);
                s.Arrays.Remove(Cells + "/2");
            }), OmeRules.Labels005);
        yield return OmeCase.Valid("labels", "image-label-missing",
            "The listed label image has no \"image-label\" metadata, which it should have.",
            Labels, Image().Change(s => s.Ome(Cells).Remove("image-label")), OmeRules.Labels006);

        yield return OmeCase.Invalid("image-label", "not-an-object",
            "\"image-label\" is a list, not an object.",
            OmeCase.V04("label-md"), Image().Change(s => s.Ome(Cells)["image-label"] = Doc.List()), OmeRules.ImageLabel001);
        yield return OmeCase.Invalid("image-label", "duplicate-label-value",
            "Two colors are given for label-value 1; label values must be unique across \"colors\".",
            Labels, Image().Change(s => Color(s, 1)["label-value"] = 1), OmeRules.ImageLabel002);
        yield return OmeCase.Invalid("image-label", "label-value-not-integer",
            "A color's label-value is the string \"2\", not an integer.",
            Labels, Image().Change(s => Color(s, 1)["label-value"] = "2"), OmeRules.ImageLabel002);
        yield return OmeCase.Invalid("image-label", "rgba-out-of-range",
            "A color's rgba holds 256; each of its four values must be an integer from 0 to 255.",
            Labels, Image().Change(s => Color(s, 0)["rgba"] = Doc.List(256, 0, 0, 255)), OmeRules.ImageLabel003);
        yield return OmeCase.Invalid("image-label", "rgba-three-values",
            "A color's rgba has three values; it must have four.",
            Labels, Image().Change(s => Color(s, 0)["rgba"] = Doc.List(255, 0, 0)), OmeRules.ImageLabel003);
        yield return OmeCase.Invalid("image-label", "property-without-label-value",
            "The second entry of \"properties\" has no label-value.",
            Labels, Image().Change(s => Doc.Members(Doc.Items(ImageLabel(s)["properties"])[1]).Remove("label-value")), OmeRules.ImageLabel004);
        yield return OmeCase.Invalid("image-label", "source-not-an-object",
            "\"source\" is the string \"../../\", not an object.",
            Labels, Image().Change(s => ImageLabel(s)["source"] = "../../"), OmeRules.ImageLabel005);
        yield return OmeCase.Invalid("image-label", "source-image-missing",
            "\"source.image\" is \"../../missing\", which is not an image group.",
            Labels, Image().Change(s => Doc.Members(ImageLabel(s)["source"])["image"] = "../../missing"), OmeRules.ImageLabel006);
        yield return OmeCase.Valid("image-label", "colors-missing",
            "\"image-label\" has no \"colors\", which it should have.",
            Labels, Image().Change(s => ImageLabel(s).Remove("colors")), OmeRules.ImageLabel007);
    }

    private static OmeStore Image() => OmeBases.Image(labels: true);

    private static JsonMembers ImageLabel(OmeStore store) => Doc.Members(store.Ome(Cells)["image-label"]);

    private static JsonMembers Color(OmeStore store, int index) => Doc.Members(Doc.Items(ImageLabel(store)["colors"])[index]);
}
