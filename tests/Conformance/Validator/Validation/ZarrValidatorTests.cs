using System.Text;
using Conformance.Reference.Model;
using Conformance.Reference.Zarr;
using Conformance.Reference.Zarr.ChunkGrids;
using Conformance.Reference.Zarr.Codecs;
using Conformance.Reference.Zarr.DataTypes;
using Conformance.Reference.Zarr.Metadata;
using Conformance.Reference.Zarr.Stores;
using Conformance.Validator.Validation;

namespace Conformance.Tests.Validator.Validation;

/// <summary>The validator finds every problem in a store, each once, where it is, and keeps going.</summary>
public sealed class ZarrValidatorTests
{
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>A root group with a good array /good (4 chunks of crc32c-checked int16) and a bad sibling.</summary>
    private static async Task<MemoryStore> Store()
    {
        var store = new MemoryStore();
        ZarrGroup root = await ZarrGroup.CreateAsync(store);
        ZarrArray good = await root.CreateArrayAsync("good", new ArrayMetadata([4, 4], IntegerDataType.Int16, new RegularChunkGrid([2, 2]), [BytesCodec.Little, Crc32cCodec.Instance]));
        NdArray data = NdArray.Create(ElementType.Int16, [4, 4]);
        data.Fill([1, 0]);
        await good.WriteAllAsync(data);
        return store;
    }

    private static async Task<ValidationReport> Validate(Store store, ValidationOptions? options = null) =>
        await ZarrValidator.ValidateAsync(store, "test", options ?? new ValidationOptions { Deep = true });

    private static string[] Findings(ValidationReport report) =>
        [.. report.Diagnostics.Select(d => $"{d.Severity} {d.RuleId} {d.Location}")];

    [Test]
    public async Task A_sound_store_has_no_findings_and_counts_what_it_read()
    {
        ValidationReport report = await Validate(await Store());
        Assert.That(report.Diagnostics, Is.Empty);
        Assert.That(report.Passed);
        Assert.That(report.Statistics, Is.EqualTo(new ValidationStatistics(1, 1, 6, 4, 4 * (8 + 4))));
    }

    [Test]
    public async Task Each_mistake_in_one_metadata_document_is_its_own_finding()
    {
        var store = new MemoryStore();
        await store.SetAsync("zarr.json", Text("""
            {"zarr_format": 3, "node_type": "array", "shape": [4, -1], "data_type": "int16",
             "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
             "chunk_key_encoding": {"name": "default", "configuration": {"separator": "-"}},
             "fill_value": "zero", "codecs": [{"name": "bytes", "configuration": {"endian": "middle"}}, {"name": "no-such-codec"}],
             "attributes": [], "dimension_names": ["a", "b"], "extra": 1}
            """));
        ValidationReport report = await Validate(store);
        Assert.That(Findings(report), Is.EquivalentTo(new[]
        {
            "Error ZARR-META-004 zarr.json#/shape/1",
            "Error ZARR-KEY-002 zarr.json#/chunk_key_encoding/configuration/separator",
            "Error ZARR-FILL-002 zarr.json#/fill_value",
            "Error ZARR-CODEC-BYTES-001 zarr.json#/codecs/0/configuration/endian",
            "Warning ZARR-CODEC-002 zarr.json#/codecs/1",
            "Error ZARR-META-010 zarr.json#/attributes",
            "Warning ZARR-EXT-002 zarr.json#/extra",
        }));
    }

    [Test]
    public async Task Every_problem_is_reported_and_validation_goes_on()
    {
        MemoryStore store = await Store();
        await store.SetAsync("bad/zarr.json", Text("""{"zarr_format": 3, "node_type": "array"}"""));
        await store.SetAsync("also-bad/zarr.json", Text("""{"zarr_format": 2, "node_type": "group"}"""));
        await store.SetAsync("good/c/9/9", new byte[12]);
        await store.SetAsync("good/notes.txt", Text("x"));
        await store.SetAsync("stray", Text("x"));
        await store.SetAsync("__ext/anything", Text("x"));
        byte[] corrupt = (await store.GetAsync("good/c/1/0"))!.ToArray();
        corrupt[0] ^= 1;
        await store.SetAsync("good/c/1/0", corrupt);
        await store.SetAsync("good/inner/zarr.json", Text("""{"zarr_format": 3, "node_type": "group"}"""));
        await store.SetAsync("implied/child/zarr.json", Text("""{"zarr_format": 3, "node_type": "group"}"""));
        ValidationReport report = await Validate(store);
        Assert.That(Findings(report), Is.EquivalentTo(new[]
        {
            "Warning ZARR-META-002 also-bad/zarr.json#/zarr_format",
            "Error ZARR-META-004 bad/zarr.json#",
            "Error ZARR-META-005 bad/zarr.json#",
            "Error ZARR-META-006 bad/zarr.json#",
            "Error ZARR-META-007 bad/zarr.json#",
            "Error ZARR-META-008 bad/zarr.json#",
            "Error ZARR-META-009 bad/zarr.json#",
            "Error ZARR-CODEC-CRC32C-002 good/c/1/0 chunk [1, 0]",
            "Warning ZARR-KEY-003 good/c/9/9 chunk [9, 9]",
            "Error ZARR-HIER-001 good/inner/zarr.json",
            "Warning ZARR-STORE-004 good/notes.txt",
            "Error ZARR-HIER-002 implied/zarr.json",
            "Warning ZARR-STORE-004 stray",
        }), string.Join("\n", Findings(report)));
        Assert.That(report.Passed, Is.False);
    }

    [Test]
    public async Task Deep_mode_alone_decodes_chunks_and_sample_limits_them_per_array()
    {
        MemoryStore store = await Store();
        byte[] corrupt = (await store.GetAsync("good/c/1/1"))!.ToArray();
        corrupt[0] ^= 1;
        await store.SetAsync("good/c/1/1", corrupt);
        Assert.That((await Validate(store, new ValidationOptions())).Diagnostics, Is.Empty, "without --deep chunks are not decoded");
        ValidationReport sampled = await Validate(store, new ValidationOptions { Deep = true, Sample = 2 });
        Assert.That(sampled.Statistics.ChunksChecked, Is.EqualTo(2));
        Assert.That(sampled.Diagnostics, Is.Empty, "the corrupt chunk is the last in key order");
        ValidationReport all = await Validate(store);
        Assert.That(all.Diagnostics.Single().RuleId, Is.EqualTo(ZarrRules.Crc32cChecksum));
        Assert.That(all.Diagnostics.Single().Location.Chunk, Is.EqualTo(new long[] { 1, 1 }));
    }

    [Test]
    public async Task Select_and_ignore_filter_by_rule_prefix()
    {
        MemoryStore store = await Store();
        await store.SetAsync("stray", Text("x"));
        await store.SetAsync("good/c/9/9", new byte[12]);
        Assert.That((await Validate(store, new ValidationOptions { Ignore = ["ZARR-STORE"] })).Diagnostics.Select(d => d.RuleId), Is.EqualTo(new[] { "ZARR-KEY-003" }));
        Assert.That((await Validate(store, new ValidationOptions { Select = ["ZARR-STORE-004"] })).Diagnostics.Select(d => d.RuleId), Is.EqualTo(new[] { "ZARR-STORE-004" }));
    }

    [TestCase(ValidationProfile.Strict, Severity.Warning)]
    [TestCase(ValidationProfile.Interoperable, Severity.Warning)]
    [TestCase(ValidationProfile.Lenient, Severity.Note)]
    public async Task A_profile_sets_the_severity_of_recommendations_but_never_of_requirements(ValidationProfile profile, Severity should)
    {
        MemoryStore store = await Store();
        await store.SetAsync("stray", Text("x"));
        await store.SetAsync("bad/zarr.json", Text("""{"zarr_format": 3, "node_type": "array"}"""));
        ValidationReport report = await Validate(store, new ValidationOptions { Profile = profile });
        Assert.That(report.Diagnostics.Single(d => d.RuleId == ZarrRules.StrayKey).Severity, Is.EqualTo(should));
        Assert.That(report.Diagnostics.Single(d => d.RuleId == ZarrRules.Shape).Severity, Is.EqualTo(Severity.Error));
    }

    [TestCase(ValidationProfile.Strict, Severity.Note)]
    [TestCase(ValidationProfile.Interoperable, Severity.Warning)]
    [TestCase(ValidationProfile.Lenient, Severity.Note)]
    public async Task What_widely_used_readers_get_wrong_is_a_warning_only_under_the_interoperable_profile(ValidationProfile profile, Severity severity)
    {
        var store = new MemoryStore();
        await store.SetAsync("zarr.json", Text("""{"zarr_format": 3, "node_type": "group", "consolidated_metadata": null}"""));
        var inner = new ShardingCodec([2], [BytesCodec.Big], [BytesCodec.Little], ShardIndexLocation.Start);
        await ZarrArray.CreateAsync(store, "/flags", new ArrayMetadata([4], BoolDataType.Instance, new RegularChunkGrid([4]), [inner]));
        ValidationReport report = await Validate(store, new ValidationOptions { Profile = profile });
        Assert.That(report.Diagnostics.Select(d => (d.RuleId, d.Severity, d.Location.ToString())), Is.EquivalentTo(new[]
        {
            (ZarrRules.BoolBigEndian, severity, "flags/zarr.json#/codecs/0/configuration/codecs/0/configuration/endian"),
            (ZarrRules.ShardIndexAtStart, severity, "flags/zarr.json#/codecs/0/configuration/index_location"),
            (ZarrRules.ConsolidatedNull, severity, "zarr.json#/consolidated_metadata"),
        }));
        Assert.That(report.Passed);
    }

    [Test]
    public async Task An_unsupported_codec_is_a_warning_that_the_array_was_not_checked()
    {
        MemoryStore store = await Store();
        await store.SetAsync("odd/zarr.json", Text("""
            {"zarr_format": 3, "node_type": "array", "shape": [2], "data_type": "uint8",
             "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2]}},
             "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
             "codecs": [{"name": "bytes"}, {"name": "example.unknown"}]}
            """));
        await store.SetAsync("odd/c/0", new byte[5]);
        ValidationReport report = await Validate(store);
        Diagnostic finding = report.Diagnostics.Single();
        Assert.That((finding.RuleId, finding.Severity), Is.EqualTo((ZarrRules.UnknownCodec, Severity.Warning)));
        Assert.That(finding.Message, Does.StartWith("not checked: "));
    }
}
