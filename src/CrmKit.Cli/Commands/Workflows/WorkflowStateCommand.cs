using System.CommandLine;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary><c>crmkit workflow enable|disable &lt;name&gt;</c>: <c>POST /api/workflows/{name}/enable|disable</c>.</summary>
internal sealed class WorkflowStateCommand : CrmCommand
{
    public const string Enable = "enable";
    public const string Disable = "disable";

    private readonly Argument<string> _name = WorkflowCommand.NameArgument();
    private readonly string _action;

    public WorkflowStateCommand(CliRuntime runtime, string action)
        : base(action, action == Enable ? "Enable a workflow: new runs start" : "Disable a workflow: no new runs start", runtime)
    {
        _action = action;
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.ParseResult.GetRequiredValue(_name);
        var response = await context.Client.SendAsync(
            HttpMethod.Post, WorkflowPaths.Action(name, _action), body: null, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            context.Out.WriteLine(_action == Enable ? WorkflowCliMessages.Enabled(name) : WorkflowCliMessages.Disabled(name));
        }

        return ExitCodes.Ok;
    }
}
