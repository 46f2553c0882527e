using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Validation;

/// <summary>
/// A check over a whole hierarchy once every node's metadata has been read (a convention
/// layered on Zarr, such as OME-NGFF, whose rules span nodes). Findings go through the
/// <c>report</c> callback with a catalogued rule ID; the profile and rule selection apply.
/// </summary>
public interface IHierarchyCheck
{
    /// <param name="nodes">Every node whose metadata parsed, by path ("/", "/a/b").</param>
    /// <param name="store">The store, for checks that need more than metadata.</param>
    /// <param name="report">Records one finding: rule ID, location, message.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    ValueTask CheckAsync(IReadOnlyDictionary<string, NodeMetadata> nodes, Store store, Action<string, DiagnosticLocation, string> report, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the convention defines <paramref name="key"/>, a key that belongs to no Zarr node
    /// (such as a file the convention keeps beside its groups), so it is not reported as stray.
    /// </summary>
    bool Claims(string key, IReadOnlyDictionary<string, NodeMetadata> nodes) => false;
}
