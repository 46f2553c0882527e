using System.CommandLine;
using Conformance.Reference;
using Conformance.Reference.Conversion;
using Conformance.Reference.Model;
using Conformance.Validator.Commands;
using Conformance.Validator.Reports;
using Conformance.Validator.Validation;
using Conformance.Validator.Validation.OmeNgff;
using Conformance.Validator.Validation.SurfaceZarr;

namespace Conformance.Validator;

/// <summary>The <c>conformance</c> command line.</summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var storeArgument = new Argument<string>("store") { Description = "A Zarr v3 store: a directory holding zarr.json, a .zip archive, or an http(s) URL" };
        var info = new Command("info", "Print the hierarchy: each array's shape, data type, chunks, fill value and codecs") { storeArgument };
        info.SetAction((result, token) => GuardAsync(error, async () =>
        {
            Node root = await InputOpener.OpenAsync(result.GetRequiredValue(storeArgument), token);
            await InfoCommand.WriteAsync(root, output, token);
        }));

        var catStore = new Argument<string>("store") { Description = "A Zarr v3 store: a directory, a .zip archive, or an http(s) URL" };
        var arrayOption = new Option<string>("--array") { Description = "Path of the array inside the store (default: the root, which must then be an array)", DefaultValueFactory = _ => "/" };
        var cat = new Command("cat", "Print an array's elements in C order, one JSON value per line") { catStore, arrayOption };
        cat.SetAction((result, token) => GuardAsync(error, async () =>
        {
            Node root = await InputOpener.OpenAsync(result.GetRequiredValue(catStore), token);
            Node node = await InputOpener.FindAsync(root, result.GetValue(arrayOption) ?? "/", token);
            await CatCommand.WriteAsync(node, output, token);
        }));

        var convertSource = new Argument<string>("source") { Description = "The store to read: a directory, a .zip archive, or an http(s) URL" };
        var convertTarget = new Argument<string>("destination") { Description = "Path of the Zarr v3 store to write: a directory, or a zip file when it ends in .zip" };
        var convertArray = new Option<string>("--array") { Description = "Convert only the node at this path of the source (default: everything)", DefaultValueFactory = _ => "/" };
        var chunksOption = new Option<string?>("--chunks") { Description = "Chunk shape, e.g. 64,64,64: the inner chunks when --shards is given, else the chunk grid" };
        var shardsOption = new Option<string?>("--shards") { Description = "Shard shape, e.g. 256,256,256: the chunk grid, with a sharding_indexed codec around --chunks" };
        var codecOption = new Option<string[]>("--codec") { Description = "Bytes codecs in order: none, zstd[:level], gzip[:level], crc32c, blosc[:cname[:clevel[:shuffle]]] (repeatable or comma-separated; default: the source's codecs)", AllowMultipleArgumentsPerToken = false };
        var overwriteOption = new Option<bool>("--overwrite") { Description = "Replace the destination if it exists" };
        var skipOption = new Option<bool>("--skip-unreadable") { Description = "Leave out source nodes that cannot be read instead of stopping" };
        var jobsOption = new Option<int>("--jobs") { Description = "Blocks copied at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var memoryOption = new Option<int>("--memory") { Description = "MiB of element data held at once", DefaultValueFactory = _ => 512 };
        var toOption = new Option<string?>("--to") { Description = "Destination format where its name does not say: gifti, freesurfer or zarr (surfaces: spec/surface-zarr)" };
        var convert = new Command("convert", "Re-encode an array or a hierarchy into a new Zarr v3 store with new chunks, shards or codecs")
        {
            convertSource, convertTarget, convertArray, chunksOption, shardsOption, codecOption, overwriteOption, skipOption, jobsOption, memoryOption, toOption,
        };
        convert.SetAction((result, token) => GuardAsync(error, async () =>
        {
            string[] codecs = result.GetValue(codecOption) ?? [];
            // Surface files (GIFTI, FreeSurfer) convert to and from the surface profile; Zarr to Zarr goes on below.
            bool zarrOptionsGiven = result.GetValue(convertArray) is not (null or "/") || result.GetValue(chunksOption) is not null
                || result.GetValue(shardsOption) is not null || codecs.Length > 0 || result.GetValue(skipOption);
            if (await SurfaceConvertCommand.TryRunAsync(result.GetRequiredValue(convertSource), result.GetRequiredValue(convertTarget), result.GetValue(toOption),
                result.GetValue(overwriteOption), zarrOptionsGiven, output, token))
            {
                return;
            }
            int jobs = result.GetValue(jobsOption);
            int memory = result.GetValue(memoryOption);
            if (jobs < 1 || memory < 1)
            {
                throw new UsageException("--jobs and --memory must be positive");
            }
            var options = new ConvertOptions
            {
                Chunks = ConvertCommand.ParseShape(result.GetValue(chunksOption), "--chunks"),
                Shards = ConvertCommand.ParseShape(result.GetValue(shardsOption), "--shards"),
                Codecs = codecs.Length == 0 ? null : CodecSpec.Parse(codecs),
                SkipUnreadable = result.GetValue(skipOption),
                MaxDegreeOfParallelism = jobs,
                MemoryBudget = (long)memory << 20,
            };
            Node root = await InputOpener.OpenAsync(result.GetRequiredValue(convertSource), token);
            Node node = await InputOpener.FindAsync(root, result.GetValue(convertArray) ?? "/", token);
            await ConvertCommand.RunAsync(node, result.GetRequiredValue(convertTarget), options, result.GetValue(overwriteOption), output, error, token);
        }));

        var validatePath = new Argument<string>("store") { Description = "Path of the store: a directory, a zip archive, or an http(s) URL; or a fixture corpus (a folder of case.json cases), each checked against its manifest" };
        var deepOption = new Option<bool>("--deep") { Description = "Also decode every stored chunk" };
        var sampleOption = new Option<int?>("--sample") { Description = "With --deep: at most N chunks per array" };
        var profileOption = new Option<string?>("--profile") { Description = "strict (default), interoperable or lenient" };
        var formatOption = new Option<string>("--format") { Description = "text, json, sarif or junit", DefaultValueFactory = _ => "text" };
        var outputOption = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout" };
        var selectOption = new Option<string[]>("--select") { Description = "Report only these rule IDs or ID prefixes (repeatable)" };
        var ignoreOption = new Option<string[]>("--ignore") { Description = "Never report these rule IDs or ID prefixes (repeatable)" };
        var validateJobs = new Option<int>("--jobs") { Description = "Chunks decoded at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var validate = new Command("validate", "Check a store against the spec catalog and report every finding")
        {
            validatePath, deepOption, sampleOption, profileOption, formatOption, outputOption, selectOption, ignoreOption, validateJobs,
        };
        validate.SetAction((result, token) => GuardAsync(error, async () =>
        {
            string path = result.GetRequiredValue(validatePath);
            ValidationOptions options = ValidateCommand.ReadConfig(path, new ValidationOptions { Checks = [new OmeNgffCheck(), new SurfaceZarrCheck()] });
            if (result.GetValue(profileOption) is string profile)
            {
                options = options with { Profile = ValidateCommand.ParseProfile(profile) };
            }
            if (result.GetValue(deepOption))
            {
                options = options with { Deep = true };
            }
            if (result.GetValue(sampleOption) is int sample)
            {
                options = sample < 1 ? throw new UsageException("--sample must be positive") : options with { Sample = sample };
            }
            if (result.GetValue(selectOption) is { Length: > 0 } select)
            {
                options = options with { Select = select };
            }
            if (result.GetValue(ignoreOption) is { Length: > 0 } ignore)
            {
                options = options with { Ignore = [.. options.Ignore, .. ignore] };
            }
            int jobs = result.GetValue(validateJobs);
            options = jobs < 1 ? throw new UsageException("--jobs must be positive") : options with { MaxDegreeOfParallelism = jobs };
            ReportFormat format = ValidateCommand.ParseFormat(result.GetValue(formatOption));
            if (CorpusCommand.IsCorpus(path))
            {
                return await CorpusCommand.RunAsync(path, options, output, token);
            }
            return await ValidateCommand.RunAsync(path, options, format, result.GetValue(outputOption), output, error, token);
        }));

        var coverageOption = new Option<bool>("--coverage") { Description = "Print the coverage table instead: each rule with the fixtures that break it, or why none does" };
        var rules = new Command("rules", "List the rules of the spec catalog") { coverageOption };
        rules.SetAction((result, token) => GuardAsync(error, async () =>
        {
            if (!result.GetValue(coverageOption))
            {
                await RulesCommand.WriteAsync(RuleCatalog.Default, output, token);
                return;
            }
            string fixtures = ExplainCommand.FindFixtures() ?? throw new UsageException("--coverage needs the fixtures/zarr-v3 folder of a checkout above the working folder");
            await output.WriteAsync(CoverageTable.Generate(RuleCatalog.Default, fixtures).AsMemory(), token);
        }));

        var ruleArgument = new Argument<string>("rule") { Description = "A rule ID, e.g. ZARR-CODEC-SHARDING-004" };
        var explain = new Command("explain", "Show one rule in full: its requirement, spec link, ruling and the fixtures that break it") { ruleArgument };
        explain.SetAction((result, token) => GuardAsync(error, async () =>
            await ExplainCommand.WriteAsync(RuleCatalog.Default, result.GetRequiredValue(ruleArgument), ExplainCommand.FindFixtures(), output, token)));

        var fixturesFolder = new Argument<string>("folder") { Description = "The fixtures folder to write, e.g. fixtures in a checkout; each corpus's valid, invalid and unsupported folders are replaced" };
        var generate = new Command("generate", "Write the fixture corpora (zarr-v3, ome-ngff): every case's store and case.json") { fixturesFolder };
        generate.SetAction((result, token) => GuardAsync(error, () => FixturesCommand.GenerateAsync(result.GetRequiredValue(fixturesFolder), output, token)));
        var fixtures = new Command("fixtures", "The bundled fixture corpora") { generate };

        var rootCommand = new RootCommand("Spec-conformance reference reader and validator for Zarr v3") { info, cat, convert, validate, rules, explain, fixtures, Adapter(output, error), Suite(output, error) };
        ParseResult parsed = rootCommand.Parse(args);
        int code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return code;
    }

    /// <summary><c>conformance suite</c>: the fixtures as a conformance suite for other implementations (spec/adapter-protocol.md).</summary>
    private static Command Suite(TextWriter output, TextWriter error)
    {
        var casesOption = new Option<string?>("--cases") { Description = "Run only cases whose ID matches this pattern (* matches anything), e.g. 'read:*sharding*'" };
        var fixturesOption = new Option<string?>("--fixtures") { Description = "The fixtures folder holding zarr-v3/ (default: the checkout's)" };
        var timeoutOption = new Option<int>("--timeout") { Description = "Seconds one adapter operation may take", DefaultValueFactory = _ => 120 };
        var jobsOption = new Option<int>("--jobs") { Description = "Cases run at once", DefaultValueFactory = _ => Environment.ProcessorCount };

        var adapterOption = new Option<string>("--adapter") { Description = "The adapter command line, e.g. \"node adapters/zarrita/adapter.mjs\"", Required = true };
        var formatOption = new Option<string>("--format") { Description = "text, json, junit, md or html", DefaultValueFactory = _ => "text" };
        var outputOption = new Option<string?>("--output") { Description = "Write the report to this file (a text summary still goes to stdout)" };
        var deviationsOption = new Option<string?>("--deviations") { Description = "The implementation's known deviations: {\"deviations\": {\"CASE-ID\": \"reason\"}}" };
        var run = new Command("run", "Run the suite against one implementation's adapter") { adapterOption, casesOption, formatOption, outputOption, deviationsOption, fixturesOption, timeoutOption, jobsOption };
        run.SetAction((result, token) => GuardAsync(error, () => SuiteCommand.RunAsync(
            result.GetRequiredValue(adapterOption), result.GetValue(casesOption), result.GetValue(formatOption) ?? "text", result.GetValue(outputOption),
            result.GetValue(deviationsOption), result.GetValue(fixturesOption), Seconds(result.GetValue(timeoutOption)), Jobs(result.GetValue(jobsOption)), output, error, token)));

        var folderArgument = new Argument<string>("folder") { Description = "Where to write matrix.json, matrix.md and matrix.html" };
        var adapterFiles = new Option<string[]>("--adapter") { Description = "An adapter.json to include (repeatable; default: every adapters/*/adapter.json of the checkout)" };
        var matrix = new Command("matrix", "Run every shipped adapter, each as reader of what each wrote, and write the compatibility matrix") { folderArgument, adapterFiles, casesOption, fixturesOption, timeoutOption, jobsOption };
        matrix.SetAction((result, token) => GuardAsync(error, () => SuiteCommand.MatrixAsync(
            result.GetRequiredValue(folderArgument), result.GetValue(adapterFiles) ?? [], result.GetValue(casesOption), result.GetValue(fixturesOption),
            Seconds(result.GetValue(timeoutOption)), Jobs(result.GetValue(jobsOption)), output, error, token)));

        return new Command("suite", "Test other implementations against the fixtures through adapters (spec/adapter-protocol.md)") { run, matrix };
    }

    private static TimeSpan Seconds(int seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new UsageException("--timeout must be positive");

    private static int Jobs(int jobs) => jobs > 0 ? jobs : throw new UsageException("--jobs must be positive");

    /// <summary><c>conformance adapter</c>: the reference behind the suite's adapter protocol (spec/adapter-protocol.md).</summary>
    private static Command Adapter(TextWriter output, TextWriter error)
    {
        var info = new Command("info", "Print the adapter's name, version, language and features as JSON");
        info.SetAction((_, token) => GuardAsync(error, () => AdapterCommand.InfoAsync(output, token)));

        var readStore = new Option<string>("--store_path") { Description = "The store to read", Required = true };
        var readArray = new Option<string>("--array_path") { Description = "The array inside the store", DefaultValueFactory = _ => "/" };
        var read = new Command("read", "Print the array's elements in C order, one JSON value per line; exit 1 when the store is refused") { readStore, readArray };
        read.SetAction((result, token) => GuardAsync(error, () => AdapterCommand.ReadAsync(result.GetRequiredValue(readStore), result.GetValue(readArray) ?? "/", output, token)));

        var writeCase = new Option<string>("--case") { Description = "The write request: the array's metadata and values", Required = true };
        var writeStore = new Option<string>("--store_path") { Description = "The store to create", Required = true };
        var write = new Command("write", "Write the array a write request describes as a new store") { writeCase, writeStore };
        write.SetAction((result, token) => GuardAsync(error, () => AdapterCommand.WriteAsync(result.GetRequiredValue(writeCase), result.GetRequiredValue(writeStore), token)));

        var validateStore = new Option<string>("--store_path") { Description = "The store to judge", Required = true };
        var validate = new Command("validate", "Print {\"valid\": bool, \"message\": text} for the store") { validateStore };
        validate.SetAction((result, token) => GuardAsync(error, () => AdapterCommand.ValidateAsync(result.GetRequiredValue(validateStore), output, token)));

        return new Command("adapter", "The reference implementation behind the suite's adapter protocol") { info, read, write, validate };
    }

    private static Task<int> GuardAsync(TextWriter error, Func<Task> action) => GuardAsync(error, async () =>
    {
        await action();
        return ExitCodes.Success;
    });

    private static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ConformanceException e)
        {
            await error.WriteLineAsync($"{Kind(e.Outcome)} {e.RuleId} at {e.Location}: {e.Message}");
            // A store that could not be read says nothing about the input: like a missing path,
            // the fault is in reaching it.
            return e.Outcome == Outcome.Unavailable ? ExitCodes.UsageError : ExitCodes.InputRejected;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync("usage: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync("usage: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync("io: " + e.Message);
            return ExitCodes.UsageError;
        }
    }

    /// <summary>The word that opens a refusal on stderr.</summary>
    public static string Kind(Outcome outcome) => outcome switch
    {
        Outcome.Unsupported => "unsupported",
        Outcome.Unavailable => "unavailable",
        _ => "error",
    };
}
