namespace Conformance.Validator.Validation;

/// <summary>
/// A single-file format the validator checks (GIFTI, FreeSurfer): it recognises its files and
/// reports every finding in one, as values, with the same rules, profiles and report formats
/// as Zarr. Locations name the file as the key, and inside it an element path (XML) as the
/// pointer or a byte range (binary).
/// </summary>
public interface IFileValidator
{
    /// <summary>The format's short name, as the catalog folder names it (<c>gifti</c>).</summary>
    string Format { get; }

    /// <summary>Whether <paramref name="path"/> is a file of this format.</summary>
    bool Detects(string path);

    Task<ValidationReport> ValidateAsync(string path, ValidationOptions options, CancellationToken cancellationToken = default);
}
