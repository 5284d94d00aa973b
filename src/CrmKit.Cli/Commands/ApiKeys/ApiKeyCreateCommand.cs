using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.ApiKeys;

/// <summary>
/// <c>crmkit apikey create --name N [--user id] [--scope s]... [--expires instant]</c>: <c>POST /api/api-keys</c>. The
/// answer holds the key itself, this once: the table output prints it alone on its last line, after a note that it
/// cannot be read again, so that a script can take it (<c>| tail -n 1</c>); <c>--output json</c> prints the answer.
/// </summary>
internal sealed class ApiKeyCreateCommand : CrmCommand
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "What the key is for, to recognize it in lists (for example 'nightly import')",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _user = ApiKeyCommand.UserOption("The account the key acts as (default: you; another account needs security.manage)");

    private readonly Option<string[]> _scopes = new("--scope")
    {
        Description = "What the key may do, repeat for several: read, write (records), admin (everything else), * (all) [default: *]",
        HelpName = "read|write|admin|*",
    };

    private readonly Option<string> _expires = new("--expires")
    {
        Description = "When the key stops working, an ISO 8601 instant (for example 2027-01-31T00:00:00Z) [default: never]",
        HelpName = "instant",
    };

    public ApiKeyCreateCommand(CliRuntime runtime)
        : base("create", "Create an API key and print it (shown only this once)", runtime)
    {
        _scopes.AcceptOnlyFromAmong("read", "write", "admin", "*");
        Add(_name);
        Add(_user);
        Add(_scopes);
        Add(_expires);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parseResult = context.ParseResult;
        var body = new JsonObject { ["name"] = parseResult.GetRequiredValue(_name) };
        if (parseResult.GetValue(_user) is { } user)
        {
            body["userId"] = user;
        }

        if (parseResult.GetValue(_scopes) is { Length: > 0 } scopes)
        {
            body["scopes"] = new JsonArray([.. scopes.Select(scope => (JsonNode?)scope)]);
        }

        if (parseResult.GetValue(_expires) is { } expires)
        {
            body["expiresAt"] = expires;
        }

        var response = await context.Client.SendAsync(HttpMethod.Post, ApiPaths.ApiKeys, body, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
            return ExitCodes.Ok;
        }

        var key = response.Body;
        context.Out.WriteLine(CliMessages.ApiKeyCreated(
            JsonText.ToCell(key?["id"]),
            JsonText.ToCell(key?["name"]),
            JsonText.ToCell(key?["userId"]),
            JsonText.ToList(key?["scopes"]),
            key?["expiresAt"] is { } expiresAt ? JsonText.ToCell(expiresAt) : CliMessages.Never));
        context.Out.WriteLine(CliMessages.ApiKeyShownOnce);
        context.Out.WriteLine(JsonText.GetString(key, "key"));
        return ExitCodes.Ok;
    }
}
