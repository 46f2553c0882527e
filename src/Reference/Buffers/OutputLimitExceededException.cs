namespace Conformance.Reference.Buffers;

/// <summary>A decoder produced more output than the caller allowed; codecs turn it into a rule violation.</summary>
public sealed class OutputLimitExceededException : Exception
{
    public OutputLimitExceededException(long limit)
        : base($"output exceeds the limit of {limit} bytes")
    {
        Limit = limit;
    }

    public long Limit { get; }
}
