using Conformance.Reference.Zarr;

namespace Conformance.Validator.Validation;

/// <summary>What a validation run checks and how it counts what it finds.</summary>
public sealed record ValidationOptions
{
    public ValidationProfile Profile { get; init; } = ValidationProfile.Strict;

    /// <summary>Decode every stored chunk (or <see cref="Sample"/> of them per array), not only the metadata and keys.</summary>
    public bool Deep { get; init; }

    /// <summary>With <see cref="Deep"/>: at most this many chunks per array, the first in key order; null for all.</summary>
    public int? Sample { get; init; }

    /// <summary>Rule IDs or ID prefixes to report; empty for all.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>Rule IDs or ID prefixes never to report.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Chunks decoded at once in deep mode; each holds about two chunk buffers.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public ZarrOptions Zarr { get; init; } = ZarrOptions.Default;

    public RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    /// <summary>Checks of conventions layered on Zarr, run after the metadata is read.</summary>
    public IReadOnlyList<IHierarchyCheck> Checks { get; init; } = [];

    /// <summary>Whether a finding of <paramref name="ruleId"/> is reported under <see cref="Select"/> and <see cref="Ignore"/>.</summary>
    public bool Reports(string ruleId) =>
        (Select.Count == 0 || Select.Any(s => ruleId.StartsWith(s, StringComparison.Ordinal)))
        && !Ignore.Any(s => ruleId.StartsWith(s, StringComparison.Ordinal));
}
