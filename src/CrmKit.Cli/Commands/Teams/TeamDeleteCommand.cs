using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Teams;

/// <summary><c>crmkit team delete &lt;id&gt;</c>: <c>DELETE /api/teams/{id}</c>; the accounts stay.</summary>
internal sealed class TeamDeleteCommand : CrmCommand
{
    private readonly Argument<string> _id = TeamCommand.IdArgument();

    public TeamDeleteCommand(CliRuntime runtime)
        : base("delete", "Delete a team (its members' accounts stay)", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.ParseResult.GetRequiredValue(_id);
        await context.Client.SendAsync(HttpMethod.Delete, ApiPaths.Team(id), body: null, ifMatchVersion: null, cancellationToken);

        // The server answers 204 with no body, so --output json prints nothing: the exit code says it worked.
        if (!context.Json)
        {
            context.Out.WriteLine(CliMessages.TeamDeleted(id));
        }

        return ExitCodes.Ok;
    }
}
