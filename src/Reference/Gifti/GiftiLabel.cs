namespace Conformance.Reference.Gifti;

/// <summary>One Label of a LabelTable: a non-negative integer key, an optional RGBA colour and its name.</summary>
/// <remarks>GIFTI 1.0 section 2.0, Label. Colour components are floats in [0, 1].</remarks>
public sealed class GiftiLabel
{
    public int Key { get; set; }

    /// <summary>True when the file gave the key in the pre-1.0 <c>Index</c> attribute rather than <c>Key</c>.</summary>
    public bool KeyFromLegacyIndex { get; set; }

    public float? Red { get; set; }

    public float? Green { get; set; }

    public float? Blue { get; set; }

    public float? Alpha { get; set; }

    /// <summary>The label's name: the element's character data.</summary>
    public string Name { get; set; } = "";
}
