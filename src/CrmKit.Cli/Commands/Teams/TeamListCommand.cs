using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Teams;

/// <summary><c>crmkit team list</c>: <c>GET /api/teams</c>.</summary>
internal sealed class TeamListCommand : CrmCommand
{
    public TeamListCommand(CliRuntime runtime)
        : base("list", "List the teams with their members", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Teams, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            TeamOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
