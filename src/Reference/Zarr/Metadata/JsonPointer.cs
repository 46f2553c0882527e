namespace Conformance.Reference.Zarr.Metadata;

/// <summary>RFC 6901 escaping of member names in locations like <c>a/zarr.json#/attributes/x~1y</c>.</summary>
public static class JsonPointer
{
    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
