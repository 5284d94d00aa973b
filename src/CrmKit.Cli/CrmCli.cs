using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using CrmKit.Cli.Commands.Entities;
using CrmKit.Cli.Commands.Fields;
using CrmKit.Cli.Commands.Records;

namespace CrmKit.Cli;

/// <summary>The crmkit command line: builds the command tree, parses and runs it, and returns the exit code.</summary>
internal static class CrmCli
{
    /// <summary>Runs crmkit with <paramref name="args"/>, writing to the given writers.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Receives results.</param>
    /// <param name="stderr">Receives errors.</param>
    /// <param name="handler">Sends the HTTP requests when set (tests); null uses the network.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> InvokeAsync(
        string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null) =>
        InvokeAsync(args, new CliHost(stdout, stderr) { Handler = handler });

    public static async Task<int> InvokeAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(host);
        // No response files: "@path" is how --data and --schema read a JSON file, so the parser must leave it alone.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Stderr.WriteLineAsync($"error: {error.Message}");
            }

            await host.Stderr.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            // CliRuntime turns every failure of an action into a message; a stack trace never reaches the user.
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    internal static RootCommand CreateRootCommand(CliHost host)
    {
        var options = new GlobalOptions();
        var runtime = new CliRuntime(host, options);
        var root = new RootCommand("crmkit: inspect and change the entities, fields and records of a CrmKit server.")
        {
            new EntityCommand(runtime),
            new FieldCommand(runtime),
            new RecordCommand(runtime),
        };
        options.AddTo(root);
        return root;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Add(result.Command is RootCommand ? "crmkit" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
