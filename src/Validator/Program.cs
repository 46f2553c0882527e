using Conformance.Validator;

return await Cli.RunAsync(args, Console.Out, Console.Error);
