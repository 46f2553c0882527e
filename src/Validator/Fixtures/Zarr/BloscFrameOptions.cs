namespace Conformance.Validator.Fixtures.Zarr;

/// <summary>
/// How the generator lays out a Blosc frame where a case wants something other than c-blosc's
/// defaults: the typesize the header states, whether blocks are split into one stream per byte,
/// whether the frame is memcpyed, the block size, and the compressor of each stream.
/// </summary>
internal sealed record BloscFrameOptions
{
    public static BloscFrameOptions Default { get; } = new();

    public int? HeaderTypesize { get; init; }

    public bool? Split { get; init; }

    public bool? Memcpyed { get; init; }

    public int? Blocksize { get; init; }

    public Func<byte[], byte[]>? Compress { get; init; }
}
