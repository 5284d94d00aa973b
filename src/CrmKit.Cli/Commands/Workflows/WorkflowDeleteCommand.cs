using System.CommandLine;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary><c>crmkit workflow delete &lt;name&gt; [--version n]</c>: <c>DELETE /api/workflows/{name}</c> (soft).</summary>
internal sealed class WorkflowDeleteCommand : CrmCommand
{
    private readonly Argument<string> _name = WorkflowCommand.NameArgument();
    private readonly Option<long?> _version = WorkflowCommand.VersionOption("delete it");

    public WorkflowDeleteCommand(CliRuntime runtime)
        : base("delete", "Delete a workflow (disabled and marked deleted; its versions stay readable)", runtime)
    {
        Add(_name);
        Add(_version);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.ParseResult.GetRequiredValue(_name);
        await context.Client.SendAsync(
            HttpMethod.Delete, WorkflowPaths.WithVersion(WorkflowPaths.Workflow(name), context.ParseResult.GetValue(_version)), body: null,
            ifMatchVersion: null, cancellationToken);
        if (!context.Json)
        {
            context.Out.WriteLine(WorkflowCliMessages.Deleted(name));
        }

        return ExitCodes.Ok;
    }
}
