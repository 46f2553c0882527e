using System.Runtime.CompilerServices;

namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// A blosc codec definition for <c>zarr.json</c>, remembering the <see cref="BloscFrameOptions"/>
/// its frames are written with (the document itself says nothing about them).
/// </summary>
/// <remarks><see href="https://zarr-specs.readthedocs.io/en/latest/v3/codecs/blosc/#configuration-parameters"/></remarks>
internal static class BloscDefinition
{
    private static readonly ConditionalWeakTable<JsonMembers, BloscFrameOptions> Frames = new();

    public static JsonMembers Create(string cname, int clevel, string shuffle, int? typesize, int blocksize = 0, BloscFrameOptions? frame = null)
    {
        var configuration = new JsonMembers();
        if (typesize is int size)
        {
            configuration.Add("typesize", size);
        }
        configuration.Add("cname", cname);
        configuration.Add("clevel", clevel);
        configuration.Add("shuffle", shuffle);
        configuration.Add("blocksize", blocksize);
        var definition = new JsonMembers { { "name", "blosc" }, { "configuration", configuration } };
        Frames.Add(definition, frame ?? BloscFrameOptions.Default);
        return definition;
    }

    /// <summary>The frame layout of a definition made by <see cref="Create"/>; c-blosc's defaults for any other.</summary>
    public static BloscFrameOptions FrameOf(object? definition) =>
        definition is JsonMembers members && Frames.TryGetValue(members, out BloscFrameOptions? frame) ? frame : BloscFrameOptions.Default;
}
