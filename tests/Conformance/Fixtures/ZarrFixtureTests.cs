using System.Text.Json;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.Stores;
using Conformance.Tests.Support;

namespace Conformance.Tests.Fixtures;

/// <summary>
/// Runs every case under <c>fixtures/zarr-v3/</c>: valid stores must read to the values in
/// their manifest; invalid and unsupported ones must be refused with the manifest's rule, at
/// the manifest's stage. Cases are named <c>zarr-v3/area/case</c>.
/// </summary>
public sealed class ZarrFixtureTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        string root = Path.Combine(RepoPaths.Fixtures, "zarr-v3");
        foreach (string file in Directory.EnumerateFiles(root, "case.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string directory = Path.GetDirectoryName(file)!;
            string name = "zarr-v3/" + Path.GetRelativePath(root, directory).Replace('\\', '/');
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
        string stage = spec.GetProperty("stage").GetString()!;
        string rule = spec.GetProperty("rule").GetString()!;
        Outcome outcome = expect == "unsupported" ? Outcome.Unsupported : Outcome.Invalid;
        ConformanceException? error;
        if (stage == "open")
        {
            error = await Assert.ThrowsAsync<ConformanceException>(async () => await ZarrHierarchy.OpenAsync(store, target));
        }
        else
        {
            ZarrArray array = await ZarrArray.OpenAsync(store, target);
            error = await Assert.ThrowsAsync<ConformanceException>(async () => await array.ReadAllAsync());
        }
        Assert.That((error!.RuleId, error.Outcome), Is.EqualTo((rule, outcome)), error.ToString());
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
