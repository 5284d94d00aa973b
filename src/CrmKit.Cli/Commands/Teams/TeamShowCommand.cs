using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Teams;

/// <summary><c>crmkit team show &lt;id&gt;</c>: <c>GET /api/teams/{id}</c>.</summary>
internal sealed class TeamShowCommand : CrmCommand
{
    private readonly Argument<string> _id = TeamCommand.IdArgument();

    public TeamShowCommand(CliRuntime runtime)
        : base("show", "Show a team and its members", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var team = await context.Client.GetAsync(ApiPaths.Team(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
        TeamOutput.WriteTeam(context, team);
        return ExitCodes.Ok;
    }
}
