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
    /// Peer output our reader refuses as invalid, with why, by store (relative to the corpus) or
    /// by node (the store followed by the node's path); a listed case that starts passing fails
    /// the test, so the list can only shrink.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDeviations = new(StringComparer.Ordinal)
    {
        // Core 3.1, "dimension_names": if specified, an array; zarr-python writes null.
        ["zarrita.js/fixtures/v3/data.zarr/1d.chunked.i2"] = "\"dimension_names\": null",
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
        var problems = new List<ConformanceException>();
        int arrays = 0;
        await Walk(await Open(store, problems), store, problems, () => arrays++);
        string relative = Path.GetRelativePath(Corpus, root).Replace('\\', '/');
        // A listed store excuses every problem in it, a listed node those located under its key.
        foreach (string listed in KnownDeviations.Keys.Where(k => k == relative || k.StartsWith(relative + "/", StringComparison.Ordinal)))
        {
            string prefix = listed == relative ? "" : listed[(relative.Length + 1)..] + "/";
            int excused = problems.RemoveAll(p => p.Location.StartsWith(prefix, StringComparison.Ordinal));
            Assert.That(excused, Is.Positive, $"{listed} is listed as a known deviation but now reads cleanly: remove it from the list");
        }
        Assert.That(problems.Select(p => p.ToString()), Is.Empty);
        TestContext.Out.WriteLine($"{arrays} arrays read");
    }

    [Test]
    public async Task Zarr_python_float32_arrays_hold_0_to_99()
    {
        string folder = Path.Combine(Corpus, "zarrs");
        if (!Directory.Exists(folder))
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        int checkedArrays = 0;
        // v3/ holds zarr-python 2 chunks under v2 keys; blosc there is zstd with bitshuffle.
        string[] names =
        [
            "v3_zarr_python/array_none.zarr", "v3_zarr_python/array_gzip.zarr", "v3_zarr_python/array_zstd.zarr", "v3_zarr_python/array_blosc.zarr",
            "v3/array_blosc.zarr", "v3/array_blosc_transpose.zarr",
        ];
        foreach (string name in names)
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
        Assert.That(checkedArrays, Is.EqualTo(names.Length));
    }

    [Test]
    public async Task Zarr_java_sharded_blosc_arrays_hold_0_to_4095()
    {
        // int32 16x16x16 in shards of transpose, bytes and blosc lz4 inner chunks, index at either end.
        string folder = Path.Combine(Corpus, "zarr-java", "testdata", "sharding_index_location");
        if (!Directory.Exists(folder))
        {
            Assert.Ignore("../shared/interop is not beside this checkout");
        }
        foreach (string location in new[] { "end", "start" })
        {
            ZarrArray array = await ZarrArray.OpenAsync(new DirectoryStore(Path.Combine(folder, location), readOnly: true));
            using NdArray data = await array.ReadAllAsync();
            Assert.That(data.Shape, Is.EqualTo(new[] { 16, 16, 16 }));
            for (int i = 0; i < 4096; i++)
            {
                Assert.That(BinaryPrimitives.ReadInt32LittleEndian(data.Element(i)), Is.EqualTo(i), $"{location}[{i}]");
            }
        }
    }

    private static async Task<Node?> Open(Store store, List<ConformanceException> problems)
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

    private static async Task Walk(Node? node, Store store, List<ConformanceException> problems, Action countArray)
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

    private static void Record(ConformanceException e, List<ConformanceException> problems)
    {
        if (e.Outcome == Outcome.Unsupported)
        {
            TestContext.Out.WriteLine("unsupported: " + e);
            Assert.That(e.RuleId, Is.AnyOf(
                ZarrRules.UnknownCodec, ZarrRules.UnknownDataType, ZarrRules.UnknownChunkGrid, ZarrRules.UnknownChunkKeyEncoding,
                ZarrRules.UnknownStorageTransformer, ZarrRules.UnknownField, ZarrRules.ChunkTooLarge, ZarrRules.MetadataTooLarge,
                ZarrRules.BloscData), "the refusal names an unsupported feature: " + e);
            return;
        }
        problems.Add(e);
    }
}
