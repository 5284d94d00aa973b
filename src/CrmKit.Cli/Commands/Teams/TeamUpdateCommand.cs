using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Teams;

/// <summary>
/// <c>crmkit team update &lt;id&gt; [--name N] [--member U]...</c>: <c>PATCH /api/teams/{id}</c> with only the members
/// given; <c>--member</c> replaces the team's members with the accounts listed (none: <c>--member</c> alone).
/// </summary>
internal sealed class TeamUpdateCommand : CrmCommand
{
    private readonly Argument<string> _id = TeamCommand.IdArgument();
    private readonly Option<string> _name = TeamCommand.NameOption(required: false);
    private readonly Option<string[]> _members = TeamCommand.ReplacingMemberOption();

    public TeamUpdateCommand(CliRuntime runtime)
        : base("update", "Rename a team or replace its members", runtime)
    {
        Add(_id);
        Add(_name);
        Add(_members);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject();
        if (parseResult.GetValue(_name) is { } name)
        {
            body["displayName"] = name;
        }

        if (parseResult.GetResult(_members) is not null)
        {
            body["members"] = new JsonArray([.. (parseResult.GetValue(_members) ?? []).Select(member => (JsonNode?)member)]);
        }

        if (body.Count == 0)
        {
            throw new CliUsageException(CliMessages.NothingToUpdate("--name, --member"));
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Patch, ApiPaths.Team(parseResult.GetRequiredValue(_id)), body, ifMatchVersion: null, cancellationToken);
        TeamOutput.WriteTeam(context, response.Body);
        return ExitCodes.Ok;
    }
}
