using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;
using Conformance.Validator.Fixtures;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// The reference reader over every fixture case of both corpora: valid stores must read to the
/// values in their manifest; invalid and unsupported ones with a <c>stage</c> must be refused at
/// that stage with one of the manifest's rules; those without one (what only a look at the whole
/// store, or at OME-NGFF metadata, reveals) must still open. Cases are named by their folder,
/// e.g. <c>zarr-v3/invalid/sharding/no-codecs</c>.
/// </summary>
public sealed class ZarrFixtureTests
{
    public static IEnumerable<TestCaseData> Cases() => CorpusCases("zarr-v3").Concat(CorpusCases("ome-ngff"));

    public static IEnumerable<TestCaseData> CorpusCases(string corpus)
    {
        string root = Path.Combine(RepoPaths.Fixtures, corpus);
        foreach (string file in Directory.EnumerateFiles(root, "case.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string directory = Path.GetDirectoryName(file)!;
            string name = corpus + "/" + Path.GetRelativePath(root, directory).Replace('\\', '/');
            yield return new TestCaseData(directory).SetName(name);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Case(string directory)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "case.json")));
        JsonElement spec = manifest.RootElement;
        var store = new DirectoryStore(Path.Combine(directory, "store"), readOnly: true);
        string expect = spec.GetProperty("expect").GetString()!;
        if (expect == "valid")
        {
            await CheckValid(store, spec);
            return;
        }
        string target = spec.GetProperty("target").GetString()!;
        string[] rules = FixtureManifest.Rules(spec);
        Assert.That(rules, Is.Not.Empty, "an invalid or unsupported case names the rules it breaks");
        if (!spec.TryGetProperty("stage", out JsonElement stage))
        {
            Assert.That(await ZarrHierarchy.OpenAsync(store, target), Is.Not.Null);
            return;
        }
        Outcome outcome = expect == "unsupported" ? Outcome.Unsupported : Outcome.Invalid;
        ConformanceException? error;
        if (stage.GetString() == "open")
        {
            error = await Assert.ThrowsAsync<ConformanceException>(async () => await ZarrHierarchy.OpenAsync(store, target));
        }
        else
        {
            ZarrArray array = await ZarrArray.OpenAsync(store, target);
            error = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync());
        }
        Assert.That(rules, Does.Contain(error!.RuleId), error.ToString());
        Assert.That(error.Outcome, Is.EqualTo(outcome), error.ToString());
    }

    private static async Task CheckValid(Store store, JsonElement spec)
    {
        var expectedNodes = new SortedSet<string>(StringComparer.Ordinal);
        if (spec.TryGetProperty("groups", out JsonElement groups))
        {
            foreach (JsonElement group in groups.EnumerateArray())
            {
                expectedNodes.Add(group.GetString()!);
                Assert.That(await ZarrHierarchy.OpenAsync(store, group.GetString()!), Is.InstanceOf<ZarrGroup>());
            }
        }
        foreach (JsonProperty entry in spec.GetProperty("arrays").EnumerateObject())
        {
            expectedNodes.Add(entry.Name);
            ZarrArray array = await ZarrArray.OpenAsync(store, entry.Name);
            await CheckArray(array, entry.Value);
        }
        Assert.That(await AllNodes(store), Is.EqualTo(expectedNodes), "the hierarchy holds exactly the listed nodes");
    }

    private static async Task CheckArray(ZarrArray array, JsonElement expected)
    {
        string at = array.Path;
        Assert.That(array.Shape, Is.EqualTo(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())), at + " shape");
        Assert.That(array.Metadata.DataType.Name, Is.EqualTo(expected.GetProperty("data_type").GetString()), at + " data type");
        if (expected.TryGetProperty("chunk_shape", out JsonElement chunks))
        {
            Assert.That(array.ChunkShape, Is.EqualTo(chunks.EnumerateArray().Select(e => e.GetInt64())), at + " chunk shape");
        }
        if (expected.TryGetProperty("fill_value", out JsonElement fill))
        {
            Assert.That(array.Metadata.FillValue, Is.EqualTo(array.Metadata.DataType.ParseFillValue(fill, "case.json")), at + " fill value");
        }
        if (!expected.TryGetProperty("values", out JsonElement values))
        {
            return;
        }
        using NdArray data = await array.ReadAllAsync();
        Assert.That(data.Count, Is.EqualTo(values.GetArrayLength()), at + " element count");
        int i = 0;
        foreach (JsonElement value in values.EnumerateArray())
        {
            byte[] want = array.Metadata.DataType.ParseFillValue(value, $"case.json values[{i}]");
            Assert.That(data.Element(i).ToArray(), Is.EqualTo(want), $"{at} element {i}: expected {value.GetRawText()}");
            i++;
        }
    }

    private static async Task<SortedSet<string>> AllNodes(Store store)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Node>([await ZarrHierarchy.OpenAsync(store)]);
        while (pending.TryPop(out Node? node))
        {
            if (node is UnreadableNode unreadable)
            {
                throw unreadable.Error;
            }
            paths.Add(node.Path);
            if (node is GroupNode group)
            {
                foreach (Node child in await group.GetChildrenAsync())
                {
                    pending.Push(child);
                }
            }
        }
        return paths;
    }
}
