using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Teams;

/// <summary>
/// <c>crmkit team create &lt;id&gt; --name N [--member U]...</c>: <c>POST /api/teams</c> with
/// <c>{id, displayName, members}</c>.
/// </summary>
internal sealed class TeamCreateCommand : CrmCommand
{
    private readonly Argument<string> _id = TeamCommand.IdArgument();
    private readonly Option<string> _name = TeamCommand.NameOption(required: true);
    private readonly Option<string[]> _members = TeamCommand.MemberOption();

    public TeamCreateCommand(CliRuntime runtime)
        : base("create", "Create a team", runtime)
    {
        Add(_id);
        Add(_name);
        Add(_members);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject
        {
            ["id"] = parseResult.GetRequiredValue(_id),
            ["displayName"] = parseResult.GetRequiredValue(_name),
            ["members"] = new JsonArray([.. (parseResult.GetValue(_members) ?? []).Select(member => (JsonNode?)member)]),
        };
        var response = await context.Client.SendAsync(HttpMethod.Post, ApiPaths.Teams, body, ifMatchVersion: null, cancellationToken);
        TeamOutput.WriteTeam(context, response.Body);
        return ExitCodes.Ok;
    }
}
