using System.Buffers.Binary;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Interop;

/// <summary>
/// Stores written by other implementations (zarr-python 3, zarrs, zarr-java) in
/// <c>../shared/interop/zarr-v3</c>: every node must open and every array read, or be refused
/// as unsupported with the feature named; nothing written by a peer may be called invalid
/// unless it is listed as a known deviation. Skipped where the corpus is absent.
/// </summary>
public sealed class SharedInteropTests
{
    private static string Corpus => Path.Combine(RepoPaths.SharedInterop, "zarr-v3");

    /// <summary>
    /// Peer output our reader refuses as invalid, with why; a listed case that starts passing
    /// fails the test, so the list can only shrink.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDeviations = new(StringComparer.Ordinal)
    {
    };

    public static IEnumerable<TestCaseData> Stores()
    {
        if (!Directory.Exists(Corpus))
        {
            yield return new TestCaseData("").SetName("interop/zarr-v3 (corpus absent)");
            yield break;
        }
        foreach (string metadata in Directory.EnumerateFiles(Corpus, "zarr.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string directory = Path.GetDirectoryName(metadata)!;
            if (File.Exists(Path.Combine(Path.GetDirectoryName(directory)!, "zarr.json")))
            {
                continue;
            }
            yield return new TestCaseData(directory).SetName("interop/zarr-v3/" + Path.GetRelativePath(Corpus, directory).Replace('\\', '/'));
        }
    }

    [TestCaseSource(nameof(Stores))]
    public async Task Every_node_reads_or_is_refused_as_unsupported(string root)
    {
        if (root.Length == 0)
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        var store = new DirectoryStore(root, readOnly: true);
        var problems = new List<string>();
        int arrays = 0;
        await Walk(await Open(store, problems), store, problems, () => arrays++);
        string relative = Path.GetRelativePath(Corpus, root).Replace('\\', '/');
        if (KnownDeviations.ContainsKey(relative))
        {
            Assert.That(problems, Is.Not.Empty, $"{relative} is listed as a known deviation but now reads cleanly: remove it from the list");
            return;
        }
        Assert.That(problems, Is.Empty);
        TestContext.Out.WriteLine($"{arrays} arrays read");
    }

    [Test]
    public async Task Zarr_python_float32_arrays_hold_0_to_99()
    {
        string folder = Path.Combine(Corpus, "zarrs", "v3_zarr_python");
        if (!Directory.Exists(folder))
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        int checkedArrays = 0;
        foreach (string name in new[] { "array_none.zarr", "array_gzip.zarr", "array_zstd.zarr" })
        {
            ZarrArray array = await ZarrArray.OpenAsync(new DirectoryStore(Path.Combine(folder, name), readOnly: true));
            using NdArray data = await array.ReadAllAsync();
            Assert.That(data.Shape, Is.EqualTo(new[] { 10, 10 }));
            for (int i = 0; i < 100; i++)
            {
                Assert.That(BinaryPrimitives.ReadSingleLittleEndian(data.Element(i)), Is.EqualTo((float)i), $"{name}[{i}]");
            }
            Assert.That(array.Attributes["key"]!.GetValue<string>(), Is.EqualTo("value"));
            checkedArrays++;
        }
        Assert.That(checkedArrays, Is.EqualTo(3));
    }

    private static async Task<Node?> Open(Store store, List<string> problems)
    {
        try
        {
            return await ZarrHierarchy.OpenAsync(store);
        }
        catch (ConformanceException e)
        {
            Record(e, problems);
            return null;
        }
    }

    private static async Task Walk(Node? node, Store store, List<string> problems, Action countArray)
    {
        switch (node)
        {
            case UnreadableNode unreadable:
                Record(unreadable.Error, problems);
                break;
            case ZarrArray array:
                try
                {
                    using NdArray data = await array.ReadAllAsync();
                    countArray();
                }
                catch (ConformanceException e)
                {
                    Record(e, problems);
                }
                break;
            case GroupNode group:
                foreach (Node child in await group.GetChildrenAsync())
                {
                    await Walk(child, store, problems, countArray);
                }
                break;
        }
    }

    private static void Record(ConformanceException e, List<string> problems)
    {
        if (e.Outcome == Outcome.Unsupported)
        {
            TestContext.Out.WriteLine("unsupported: " + e);
            Assert.That(e.RuleId, Is.AnyOf(
                ZarrRules.UnknownCodec, ZarrRules.UnknownDataType, ZarrRules.UnknownChunkGrid, ZarrRules.UnknownChunkKeyEncoding,
                ZarrRules.UnknownStorageTransformer, ZarrRules.UnknownField, ZarrRules.ChunkTooLarge, ZarrRules.MetadataTooLarge), "the refusal names an unsupported feature: " + e);
            return;
        }
        problems.Add(e.ToString());
    }
}
