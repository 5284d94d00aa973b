using System.CommandLine;
using CrmKit.Cli.Input;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary>
/// <c>crmkit workflow set &lt;file|-&gt; [--version n]</c>: <c>PUT /api/workflows/{name}</c> with the document read
/// from a file or standard input; the name comes from the document. Each save makes a new version.
/// </summary>
internal sealed class WorkflowSetCommand : CrmCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The workflow document: a JSON file, or - for standard input" };
    private readonly Option<long?> _version = WorkflowCommand.VersionOption("save it");

    public WorkflowSetCommand(CliRuntime runtime)
        : base("set", "Validate and save a workflow document as the workflow's next version", runtime)
    {
        Add(_file);
        Add(_version);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var file = context.ParseResult.GetRequiredValue(_file);
        var document = JsonInput.ReadObject("file", file == "-" ? file : "@" + file, context.Host.Stdin);
        var name = JsonText.GetString(document, "name") ?? throw new CliUsageException(WorkflowCliMessages.NoName);
        var response = await context.Client.SendAsync(
            HttpMethod.Put, WorkflowPaths.WithVersion(WorkflowPaths.Workflow(name), context.ParseResult.GetValue(_version)), document,
            ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            context.Out.WriteLine(WorkflowCliMessages.Saved(name, (long?)response.Body?["version"] ?? 0));
        }

        return ExitCodes.Ok;
    }
}
