namespace Conformance.Validator.Fixtures;

/// <summary>
/// One fixture case: a store (its keys and bytes) and the manifest (<c>case.json</c>) saying
/// what a conforming reader must see in it or which rules it breaks. It is written to
/// <c>{corpus}/{expect}/{area}/{name}/</c>.
/// </summary>
public sealed class FixtureCase
{
    public FixtureCase(string corpus, string area, string name, string description, string spec, string expect, string target = "/", string? stage = null, IEnumerable<string>? rules = null, IEnumerable<string>? warnings = null)
    {
        if (expect is not ("valid" or "invalid" or "unsupported"))
        {
            throw new ArgumentException($"expect is valid, invalid or unsupported, not {expect}", nameof(expect));
        }
        Rules = [.. rules ?? []];
        if ((expect == "valid") != (Rules.Count == 0))
        {
            throw new ArgumentException($"{area}/{name}: a valid case names no rules, an invalid or unsupported one at least one", nameof(rules));
        }
        if (stage is not (null or "open" or "read") || (expect == "valid" && stage is not null))
        {
            throw new ArgumentException($"{area}/{name}: stage is open or read, and only for invalid or unsupported cases", nameof(stage));
        }
        Corpus = corpus;
        Area = area;
        Name = name;
        Description = description;
        Spec = spec;
        Expect = expect;
        Target = target;
        Stage = stage;
        Warnings = [.. (warnings ?? []).Order(StringComparer.Ordinal)];
    }

    /// <summary>The corpus folder, e.g. <c>zarr-v3</c> or <c>ome-ngff</c>.</summary>
    public string Corpus { get; }

    /// <summary>The spec section the case belongs to, e.g. <c>fill-values</c>.</summary>
    public string Area { get; }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Link to the section of the spec the case is about, with its anchor.</summary>
    public string Spec { get; }

    public string Expect { get; }

    /// <summary>The node a reader opens, <c>/</c> for the store root.</summary>
    public string Target { get; }

    /// <summary>For a single-file format: the file in <c>store/</c> that the case is about; null for a Zarr store.</summary>
    public string? File { get; init; }

    /// <summary>For a reader: whether opening the target (<c>open</c>) or reading its data (<c>read</c>) fails.</summary>
    public string? Stage { get; }

    /// <summary>Every rule the case breaks: a validator reports each and no other error.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Recommendations (should-level rules) the case breaks on purpose.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The store: key to bytes.</summary>
    public SortedDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Valid cases: the expected content of each array, by node path.</summary>
    public SortedDictionary<string, JsonMembers> Arrays { get; } = new(StringComparer.Ordinal);

    /// <summary>Valid cases: the path of each group.</summary>
    public SortedSet<string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the case is written, relative to the fixtures root.</summary>
    public string Folder => $"{Corpus}/{Expect}/{Area}/{Name}";

    /// <summary>The key prefix of a node's documents and chunks: empty for the root.</summary>
    public static string Prefix(string path) => path == "/" ? "" : path[1..] + "/";

    /// <summary>Adds a store value: bytes as they are, anything else as a JSON document.</summary>
    public FixtureCase Raw(string key, object? value)
    {
        Files[key] = value as byte[] ?? FixtureJson.Bytes(value);
        return this;
    }

    /// <summary>Adds a group's <c>zarr.json</c>; a valid case also lists the group.</summary>
    public FixtureCase Group(string path, JsonMembers? document = null)
    {
        Raw(Prefix(path) + "zarr.json", document ?? new JsonMembers { { "zarr_format", 3 }, { "node_type", "group" } });
        if (Expect == "valid")
        {
            Groups.Add(path);
        }
        return this;
    }

    public JsonMembers Manifest()
    {
        var manifest = new JsonMembers
        {
            { "description", Description },
            { "spec", Spec },
            { "expect", Expect },
            { "target", Target },
        };
        if (File is not null)
        {
            manifest.Add("file", File);
        }
        SortedSet<string> features = CaseRequirements.Features(this);
        manifest.Add("scope", features.Any(Suite.SuiteFeatures.IsExtension) ? "extension" : "core");
        manifest.Add("features", features.ToList<object?>());
        manifest.Add("requirements", CaseRequirements.Of(this).ToList<object?>());
        if (Expect == "valid")
        {
            var arrays = new JsonMembers();
            foreach ((string path, JsonMembers entry) in Arrays)
            {
                arrays.Add(path, entry);
            }
            manifest.Add("arrays", arrays);
            manifest.Add("groups", Groups.ToList<object?>());
        }
        else
        {
            if (Stage is not null)
            {
                manifest.Add("stage", Stage);
            }
            manifest.Add("rules", Rules.ToList<object?>());
        }
        if (Warnings.Count > 0)
        {
            manifest.Add("warnings", Warnings.ToList<object?>());
        }
        return manifest;
    }
}
