using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Users;

/// <summary>
/// <c>crmkit user update &lt;id&gt; [--name N] [--email E] [--role R]...</c>: <c>PATCH /api/users/{id}</c> with only the
/// members given; <c>--role</c> replaces the account's roles with the ones listed (none: <c>--role</c> alone).
/// </summary>
internal sealed class UserUpdateCommand : CrmCommand
{
    private readonly Argument<string> _id = UserCommand.IdArgument();
    private readonly Option<string> _name = UserCommand.NameOption(required: false);
    private readonly Option<string> _email = UserCommand.EmailOption();
    private readonly Option<string[]> _roles = UserCommand.ReplacingRoleOption();

    public UserUpdateCommand(CliRuntime runtime)
        : base("update", "Change an account's name, e-mail or roles", runtime)
    {
        Add(_id);
        Add(_name);
        Add(_email);
        Add(_roles);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject();
        if (parseResult.GetValue(_name) is { } name)
        {
            body["displayName"] = name;
        }

        if (parseResult.GetValue(_email) is { } email)
        {
            body["email"] = email;
        }

        if (parseResult.GetResult(_roles) is not null)
        {
            body["roles"] = new JsonArray([.. (parseResult.GetValue(_roles) ?? []).Select(role => (JsonNode?)role)]);
        }

        if (body.Count == 0)
        {
            throw new CliUsageException(CliMessages.NothingToUpdate("--name, --email, --role"));
        }

        var response = await context.Client.SendAsync(
            HttpMethod.Patch, ApiPaths.User(parseResult.GetRequiredValue(_id)), body, ifMatchVersion: null, cancellationToken);
        UserOutput.WriteUser(context, response.Body);
        return ExitCodes.Ok;
    }
}
