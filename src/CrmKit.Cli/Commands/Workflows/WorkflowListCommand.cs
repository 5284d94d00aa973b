using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary><c>crmkit workflow list [--entity e] [--deleted]</c>: <c>GET /api/workflows</c>.</summary>
internal sealed class WorkflowListCommand : CrmCommand
{
    private readonly Option<string?> _entity = new("--entity") { Description = "Only workflows whose trigger is on this entity" };
    private readonly Option<bool> _deleted = new("--deleted") { Description = "Also list deleted workflows" };

    public WorkflowListCommand(CliRuntime runtime)
        : base("list", "List the workflows (current versions) with their state and trigger", runtime)
    {
        Add(_entity);
        Add(_deleted);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var path = ApiPaths.WithQuery(WorkflowPaths.Workflows, [
            new("entity", context.ParseResult.GetValue(_entity)),
            new("deleted", context.ParseResult.GetValue(_deleted) ? "true" : null),
        ]);
        var list = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            WorkflowOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
