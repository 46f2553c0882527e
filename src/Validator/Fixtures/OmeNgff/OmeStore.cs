using Conformance.Reference.Zarr.Stores;

namespace Conformance.Validator.Fixtures.OmeNgff;

/// <summary>
/// An OME-Zarr hierarchy before it becomes a fixture: each group's attributes, each array
/// (written by the reference Zarr writer), and other files. Cases take a fresh base and make
/// one change to it through the accessors, which reach into 0.5 metadata (<c>attributes.ome</c>)
/// or 0.4 metadata (the attributes themselves) alike.
/// </summary>
internal sealed class OmeStore(bool namespaced)
{
    /// <summary>True for 0.5 metadata under <c>attributes.ome</c>, false for 0.4 keys at the top of the attributes.</summary>
    public bool Namespaced { get; } = namespaced;

    /// <summary>Group path to its attributes (empty for a group without any).</summary>
    public SortedDictionary<string, JsonMembers> Groups { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, OmeArray> Arrays { get; } = new(StringComparer.Ordinal);

    /// <summary>Store keys outside Zarr (OME/METADATA.ome.xml) to their bytes.</summary>
    public SortedDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a group whose OME metadata is <paramref name="ome"/> (null for a plain group); 0.5 adds the version.</summary>
    public OmeStore Group(string path, JsonMembers? ome)
    {
        if (ome is null)
        {
            Groups[path] = [];
        }
        else if (Namespaced)
        {
            var namespaced = new JsonMembers { { "version", "0.5" } };
            foreach ((string key, object? value) in ome)
            {
                namespaced.Add(key, value);
            }
            Groups[path] = new JsonMembers { { "ome", namespaced } };
        }
        else
        {
            Groups[path] = ome;
        }
        return this;
    }

    public OmeStore Change(Action<OmeStore> change)
    {
        change(this);
        return this;
    }

    /// <summary>The object holding a group's OME keys.</summary>
    public JsonMembers Ome(string path) => Namespaced ? Doc.Members(Groups[path]["ome"]) : Groups[path];

    public JsonMembers Multiscale(string path) => Doc.Members(Doc.Items(Ome(path)["multiscales"])[0]);

    public List<object?> Axes(string path) => Doc.Items(Multiscale(path)["axes"]);

    public JsonMembers Axis(string path, int index) => Doc.Members(Axes(path)[index]);

    public List<object?> Datasets(string path) => Doc.Items(Multiscale(path)["datasets"]);

    public JsonMembers Dataset(string path, int index) => Doc.Members(Datasets(path)[index]);

    public List<object?> Transformations(string path, int level) => Doc.Items(Dataset(path, level)["coordinateTransformations"]);

    /// <summary>
    /// Writes the hierarchy into <paramref name="fixture"/>: arrays and chunks through the
    /// reference writer, group documents with the fixture JSON writer, and, for a valid case,
    /// the expected content of every array and the list of groups.
    /// </summary>
    public FixtureCase Into(FixtureCase fixture)
    {
        // Fixture generation is synchronous end to end; a memory store completes its writes
        // without waiting on anything, so blocking here cannot deadlock.
        foreach ((string key, byte[] value) in WriteArraysAsync().AsTask().GetAwaiter().GetResult())
        {
            string? node = key == "zarr.json" ? "/" : key.EndsWith("/zarr.json", StringComparison.Ordinal) ? "/" + key[..^"/zarr.json".Length] : null;
            if (node is not null && !Arrays.ContainsKey(node) && !Groups.ContainsKey(node))
            {
                throw new InvalidOperationException($"{fixture.Folder}: the writer made an implicit group at {key}; declare every group");
            }
            fixture.Raw(key, value);
        }
        foreach ((string path, JsonMembers attributes) in Groups)
        {
            var document = new JsonMembers { { "zarr_format", 3 }, { "node_type", "group" } };
            if (attributes.Count > 0)
            {
                document.Add("attributes", attributes);
            }
            fixture.Group(path, document);
        }
        foreach ((string key, byte[] value) in Files)
        {
            fixture.Raw(key, value);
        }
        if (fixture.Expect == "valid")
        {
            foreach ((string path, OmeArray array) in Arrays)
            {
                fixture.Arrays[path] = array.Manifest();
            }
        }
        return fixture;
    }

    /// <summary>The store keys and bytes the reference writer produces for the arrays.</summary>
    private async ValueTask<SortedDictionary<string, byte[]>> WriteArraysAsync()
    {
        var store = new MemoryStore();
        foreach ((string path, OmeArray array) in Arrays)
        {
            await array.WriteAsync(store, path);
        }
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (string key in store.ListAsync())
        {
            using StoreValue value = (await store.GetAsync(key))!;
            files[key] = value.Memory.ToArray();
        }
        return files;
    }
}
