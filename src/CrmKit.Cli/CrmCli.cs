using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using CrmKit.Cli.Commands.ApiKeys;
using CrmKit.Cli.Commands.Entities;
using CrmKit.Cli.Commands.Fields;
using CrmKit.Cli.Commands.Me;
using CrmKit.Cli.Commands.OneC;
using CrmKit.Cli.Commands.Outbox;
using CrmKit.Cli.Commands.Plugins;
using CrmKit.Cli.Commands.Editions;
using CrmKit.Cli.Commands.Roles;
using CrmKit.Cli.Commands.Teams;
using CrmKit.Cli.Commands.Users;
using CrmKit.Cli.Commands.WorkflowRuns;
using CrmKit.Cli.Commands.Workflows;
using CrmKit.Cli.Commands.Records;
using CrmKit.Cli.Commands.Templates;
using CrmKit.Cli.Resources;

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
        // Chosen before parsing so that parse errors and help speak it too. Both cultures are async-local: set in
        // this async method, they hold for this run only and never leak to the caller (or to a parallel test).
        var culture = CultureInfo.GetCultureInfo(ChooseLanguage(args, host) ?? CliMessages.Languages[0]);
        CliMessages.Culture = culture;
        // System.CommandLine's own messages (parse errors, help headings) follow the UI culture.
        CultureInfo.CurrentUICulture = culture;

        var root = CreateRootCommand(host);
        // No response files: "@path" is how --data and --schema read a JSON file, so the parser must leave it alone.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Stderr.WriteLineAsync(CliMessages.Error(error.Message));
            }

            await host.Stderr.WriteLineAsync(CliMessages.RunHelpForUsage(CommandPath(parseResult)));
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
        var root = new RootCommand("crmkit: inspect and change the entities, fields, records, accounts, roles and API keys of a CrmKit server.")
        {
            new EntityCommand(runtime),
            new FieldCommand(runtime),
            new RecordCommand(runtime),
            new PluginCommand(runtime),
            new EditionCommand(runtime),
            new OutboxCommand(runtime),
            new TemplateCommand(runtime),
            WorkflowRunCommands.AddTo(new WorkflowCommand(runtime), runtime),
            new WhoAmICommand(runtime),
            new UserCommand(runtime),
            new TeamCommand(runtime),
            new RoleCommand(runtime),
            new ApiKeyCommand(runtime),
            new Commands.Egrul.EgrulCommand(runtime),
            new Commands.Files.FilesCommand(runtime),
            new OneCCommand(runtime),
        };
        options.AddTo(root);
        return root;
    }

    /// <summary>
    /// The language of crmkit's own messages: the last valid <c>--lang</c> on the command line (<c>--lang ru</c>,
    /// <c>--lang=ru</c>, <c>--lang:ru</c>), else <c>CRMKIT_LANG</c>; null when neither names a known language.
    /// </summary>
    internal static string? ChooseLanguage(IReadOnlyList<string> args, CliHost host)
    {
        string? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] switch
            {
                GlobalOptions.LanguageOption when i + 1 < args.Count => args[i + 1],
                ['-', '-', 'l', 'a', 'n', 'g', '=' or ':', .. var rest] => rest,
                _ => null,
            };
            if (KnownLanguage(value) is { } language)
            {
                chosen = language;
            }
        }

        return chosen ?? KnownLanguage(host.GetEnvironmentVariable(GlobalOptions.LanguageVariable));
    }

    internal static string? KnownLanguage(string? value) =>
        CliMessages.Languages.FirstOrDefault(
            language => string.Equals(language, value?.Trim(), StringComparison.OrdinalIgnoreCase));

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
