namespace Conformance.Reference.Gifti;

/// <summary>Limits the reader enforces before it allocates, so hostile files fail with a diagnostic.</summary>
public sealed class GiftiReaderOptions
{
    public static GiftiReaderOptions Default { get; } = new();

    /// <summary>Largest .gii file read (<see cref="GiftiRules.FileTooLarge"/> beyond).</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>Largest decoded array, Dim product × element size (<see cref="GiftiRules.ArrayTooLarge"/> beyond).</summary>
    public long MaxArrayBytes { get; init; } = 1L << 30;
}
