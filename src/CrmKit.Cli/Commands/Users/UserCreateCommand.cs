using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Users;

/// <summary>
/// <c>crmkit user create &lt;id&gt; --name N [--email E] [--external-id X] [--service] [--role R]...</c>:
/// <c>POST /api/users</c> with <c>{id, displayName, email?, externalId?, kind, roles}</c>.
/// </summary>
internal sealed class UserCreateCommand : CrmCommand
{
    private readonly Argument<string> _id = UserCommand.IdArgument();
    private readonly Option<string> _name = UserCommand.NameOption(required: true);
    private readonly Option<string> _email = UserCommand.EmailOption();
    private readonly Option<string[]> _roles = UserCommand.RoleOption();

    private readonly Option<string> _externalId = new("--external-id")
    {
        Description = "The account's id at the identity provider (the 'sub' of its JWTs)",
        HelpName = "id",
    };

    private readonly Option<bool> _service = new("--service")
    {
        Description = "A service account (an integration) rather than a person",
    };

    public UserCreateCommand(CliRuntime runtime)
        : base("create", "Create an account", runtime)
    {
        Add(_id);
        Add(_name);
        Add(_email);
        Add(_externalId);
        Add(_service);
        Add(_roles);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject
        {
            ["id"] = parseResult.GetRequiredValue(_id),
            ["displayName"] = parseResult.GetRequiredValue(_name),
        };
        if (parseResult.GetValue(_email) is { } email)
        {
            body["email"] = email;
        }

        if (parseResult.GetValue(_externalId) is { } externalId)
        {
            body["externalId"] = externalId;
        }

        body["kind"] = parseResult.GetValue(_service) ? "service" : "user";
        body["roles"] = new JsonArray([.. (parseResult.GetValue(_roles) ?? []).Select(role => (JsonNode?)role)]);
        var response = await context.Client.SendAsync(HttpMethod.Post, ApiPaths.Users, body, ifMatchVersion: null, cancellationToken);
        UserOutput.WriteUser(context, response.Body);
        return ExitCodes.Ok;
    }
}
