using Conformance.Reference.Zarr.ChunkKeys;

namespace Conformance.Tests.Zarr.ChunkKeys;

/// <summary>chunk-key-encodings/default and chunk-key-encodings/v2.</summary>
public sealed class ChunkKeyEncodingTests
{
    [TestCase("default", '/', new long[] { 1, 23, 45 }, ExpectedResult = "c/1/23/45")]
    [TestCase("default", '.', new long[] { 1, 23, 45 }, ExpectedResult = "c.1.23.45")]
    [TestCase("default", '/', new long[0], ExpectedResult = "c")]
    [TestCase("default", '.', new long[0], ExpectedResult = "c")]
    [TestCase("v2", '.', new long[] { 1, 23, 45 }, ExpectedResult = "1.23.45")]
    [TestCase("v2", '/', new long[] { 1, 23, 45 }, ExpectedResult = "1/23/45")]
    [TestCase("v2", '.', new long[0], ExpectedResult = "0")]
    [TestCase("v2", '/', new long[] { 7 }, ExpectedResult = "7")]
    [TestCase("default", '/', new long[] { 9223372036854775806 }, ExpectedResult = "c/9223372036854775806")]
    public string Keys_follow_the_encoding(string name, char separator, long[] index) =>
        ChunkKeyEncoding.Create(name, separator).Encode(index);
}
