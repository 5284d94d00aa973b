using System.CommandLine;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary><c>crmkit workflow versions &lt;name&gt;</c>: <c>GET /api/workflows/{name}/versions</c>.</summary>
internal sealed class WorkflowVersionsCommand : CrmCommand
{
    private readonly Argument<string> _name = WorkflowCommand.NameArgument();

    public WorkflowVersionsCommand(CliRuntime runtime)
        : base("versions", "List every version of a workflow, oldest first", runtime)
    {
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(WorkflowPaths.Versions(context.ParseResult.GetRequiredValue(_name)), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            WorkflowOutput.WriteVersions(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
