using Conformance.Validator.Validation.FreeSurfer;
using Conformance.Validator.Validation.Gifti;

namespace Conformance.Validator.Validation;

/// <summary>The single-file formats <c>conformance validate</c> recognises, tried in order.</summary>
public static class FileValidators
{
    public static IReadOnlyList<IFileValidator> All { get; } = [new GiftiValidator(), new FreeSurferValidator()];

    /// <summary>The validator for the file at <paramref name="path"/>, or null when no format claims it.</summary>
    public static IFileValidator? For(string path) => File.Exists(path) ? All.FirstOrDefault(v => v.Detects(path)) : null;
}
