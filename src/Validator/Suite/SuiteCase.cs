namespace Conformance.Validator.Suite;

/// <summary>
/// One case of the suite: a fixture case seen as a task for an implementation. <see cref="Id"/>
/// is the kind and the fixture folder, e.g. <c>read:zarr-v3/valid/codecs/gzip</c>.
/// </summary>
public sealed record SuiteCase(SuiteCaseKind Kind, string Folder, string Description, string Store, string Target, IReadOnlyList<string> Arrays, IReadOnlySet<string> Features, IReadOnlyList<string> Rules, bool Valid)
{
    public string Id => $"{KindName(Kind)}:{Folder}";

    /// <summary>The spec section's area, e.g. <c>codecs</c>: the second-to-last folder name.</summary>
    public string Area => Folder.Split('/') is { Length: >= 2 } parts ? parts[^2] : Folder;

    public static string KindName(SuiteCaseKind kind) => kind switch
    {
        SuiteCaseKind.Read => "read",
        SuiteCaseKind.MustFail => "must-fail",
        SuiteCaseKind.Write => "write",
        SuiteCaseKind.Validate => "validate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
