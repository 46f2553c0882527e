namespace Conformance.Reference.Zarr.Metadata;

/// <summary>
/// Where a metadata parser puts what is wrong with a document. Reading stops at the first
/// problem (it is thrown); checking collects every problem that can be found on its own, so a
/// document with three mistakes gives three findings. A part that depends on a broken one (the
/// fill value on the data type, the chunk grid on the shape's rank) is then not judged.
/// </summary>
internal sealed class MetadataProblems(List<ConformanceException>? found)
{
    public static MetadataProblems Throwing { get; } = new(null);

    public bool Any => found is { Count: > 0 };

    public void Report(ConformanceException problem)
    {
        if (found is null)
        {
            throw problem;
        }
        found.Add(problem);
    }

    /// <summary>The parsed value, or null when parsing it failed and the failure was collected.</summary>
    public T? Try<T>(Func<T> parse) where T : class
    {
        if (found is null)
        {
            return parse();
        }
        try
        {
            return parse();
        }
        catch (ConformanceException e)
        {
            Report(e);
            return null;
        }
    }

    public void Try(Action check) => Try<object>(() =>
    {
        check();
        return this;
    });
}
