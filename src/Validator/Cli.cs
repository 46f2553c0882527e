using System.CommandLine;
using Conformance.Reference;
using Conformance.Reference.Model;
using Conformance.Validator.Commands;

namespace Conformance.Validator;

/// <summary>The <c>conformance</c> command line.</summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var storeArgument = new Argument<string>("store") { Description = "Path of a Zarr v3 store (a directory holding zarr.json)" };
        var info = new Command("info", "Print the hierarchy: each array's shape, data type, chunks, fill value and codecs") { storeArgument };
        info.SetAction((result, token) => GuardAsync(error, async () =>
        {
            Node root = await InputOpener.OpenAsync(result.GetRequiredValue(storeArgument), token);
            await InfoCommand.WriteAsync(root, output, token);
        }));

        var catStore = new Argument<string>("store") { Description = "Path of a Zarr v3 store" };
        var arrayOption = new Option<string>("--array") { Description = "Path of the array inside the store (default: the root, which must then be an array)", DefaultValueFactory = _ => "/" };
        var cat = new Command("cat", "Print an array's elements in C order, one JSON value per line") { catStore, arrayOption };
        cat.SetAction((result, token) => GuardAsync(error, async () =>
        {
            Node root = await InputOpener.OpenAsync(result.GetRequiredValue(catStore), token);
            Node node = await InputOpener.FindAsync(root, result.GetValue(arrayOption) ?? "/", token);
            await CatCommand.WriteAsync(node, output, token);
        }));

        var rootCommand = new RootCommand("Spec-conformance reference reader and validator for Zarr v3") { info, cat };
        ParseResult parsed = rootCommand.Parse(args);
        int code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return code;
    }

    private static async Task<int> GuardAsync(TextWriter error, Func<Task> action)
    {
        try
        {
            await action();
            return ExitCodes.Success;
        }
        catch (ConformanceException e)
        {
            string kind = e.Outcome == Outcome.Unsupported ? "unsupported" : "error";
            await error.WriteLineAsync($"{kind} {e.RuleId} at {e.Location}: {e.Message}");
            return ExitCodes.InputRejected;
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
}
