using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Interop;

/// <summary>
/// zarrita.js's fixture store zipped three ways (from within the store, from its parent
/// folder, and uncompressed) in <c>../shared/interop</c>: each archive must open the same
/// hierarchy, with the same attributes and the same array values, as the <c>data.zarr</c>
/// directory beside it. Arrays both refuse (e.g. an unsupported codec) are compared by the
/// refusal only. Skipped where the corpus is absent.
/// </summary>
public sealed class ZarritaZipTests
{
    private static string Fixtures => Path.Combine(RepoPaths.SharedInterop, "zarr-v3", "zarrita.js", "fixtures", "v3");

    [TestCase("data.zipped_from_within.zarr.zip", "")]
    [TestCase("data.zipped_from_parent.zarr.zip", "data.zarr/")]
    [TestCase("data.uncompressed.zarr.zip", "")]
    public async Task A_zipped_store_opens_the_same_hierarchy_and_values_as_the_directory(string archive, string root)
    {
        string path = Path.Combine(Fixtures, archive);
        if (!File.Exists(path))
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        using ZipStore zip = ZipStore.OpenWithDetectedRoot(path);
        Assert.That(zip.RootPrefix, Is.EqualTo(root));
        var directory = new DirectoryStore(Path.Combine(Fixtures, "data.zarr"), readOnly: true);
        var tally = new Tally();
        await Compare(await ZarrHierarchy.OpenAsync(directory), await ZarrHierarchy.OpenAsync(zip), tally);
        TestContext.Out.WriteLine($"{tally.Compared} arrays compared; {tally.Refused} refused alike by both");
        Assert.That(tally.Compared, Is.GreaterThan(10));
    }

    private static async Task Compare(Node expected, Node actual, Tally tally)
    {
        Assert.That(actual.Path, Is.EqualTo(expected.Path));
        Assert.That(actual.GetType(), Is.EqualTo(expected.GetType()), expected.Path);
        Assert.That(actual.Attributes.ToJsonString(), Is.EqualTo(expected.Attributes.ToJsonString()), expected.Path);
        switch (expected)
        {
            case UnreadableNode unreadable:
                Assert.That(Refusal(((UnreadableNode)actual).Error), Is.EqualTo(Refusal(unreadable.Error)), expected.Path);
                tally.Refused++;
                break;
            case ArrayNode array:
                (NdArray? fromDirectory, ConformanceException? directoryError) = await TryRead(array);
                (NdArray? fromZip, ConformanceException? zipError) = await TryRead((ArrayNode)actual);
                using (fromDirectory)
                using (fromZip)
                {
                    Assert.That(zipError is null ? null : Refusal(zipError), Is.EqualTo(directoryError is null ? null : Refusal(directoryError)), expected.Path);
                    if (fromDirectory is null)
                    {
                        tally.Refused++;
                        break;
                    }
                    Assert.That(NdArrays.Equal(fromZip!, fromDirectory), Is.True, expected.Path);
                    tally.Compared++;
                }
                break;
            case GroupNode group:
                IReadOnlyList<Node> expectedChildren = await group.GetChildrenAsync();
                IReadOnlyList<Node> actualChildren = await ((GroupNode)actual).GetChildrenAsync();
                Assert.That(actualChildren.Select(c => c.Path), Is.EqualTo(expectedChildren.Select(c => c.Path)), expected.Path);
                for (int i = 0; i < expectedChildren.Count; i++)
                {
                    await Compare(expectedChildren[i], actualChildren[i], tally);
                }
                break;
        }
    }

    private static string Refusal(ConformanceException e) => $"{e.Outcome} {e.RuleId}";

    private static async Task<(NdArray? Data, ConformanceException? Error)> TryRead(ArrayNode array)
    {
        try
        {
            return (await array.ReadAsync(new long[array.Shape.Count], array.Shape.ToArray()), null);
        }
        catch (ConformanceException e)
        {
            return (null, e);
        }
    }

    private sealed class Tally
    {
        public int Compared { get; set; }

        public int Refused { get; set; }
    }
}
