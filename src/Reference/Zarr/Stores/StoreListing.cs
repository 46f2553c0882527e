namespace Conformance.Reference.Zarr.Stores;

/// <summary>The result of <c>list_dir</c>: keys directly under a prefix, and child prefixes (each ending in "/").</summary>
public sealed record StoreListing(IReadOnlyList<string> Keys, IReadOnlyList<string> Prefixes);
