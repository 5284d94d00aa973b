using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.ApiKeys;

/// <summary>
/// <c>crmkit apikey list [--user id | --all]</c>: <c>GET /api/api-keys[?userId=id|*]</c>, newest first. Without an
/// option the caller's own keys; another account's, or everyone's, need security.manage.
/// </summary>
internal sealed class ApiKeyListCommand : CrmCommand
{
    private readonly Option<string> _user = ApiKeyCommand.UserOption("List this account's keys instead of your own");
    private readonly Option<bool> _all = new("--all") { Description = "List the keys of every account" };

    public ApiKeyListCommand(CliRuntime runtime)
        : base("list", "List API keys (never their secrets) with their scopes, expiry and state", runtime)
    {
        Add(_user);
        Add(_all);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var user = context.ParseResult.GetValue(_user);
        var all = context.ParseResult.GetValue(_all);
        if (user is not null && all)
        {
            throw new CliUsageException(CliMessages.ApiKeyUserAndAll);
        }

        var path = ApiPaths.WithQuery(ApiPaths.ApiKeys, [new("userId", all ? "*" : user)]);
        var list = await context.Client.GetAsync(path, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            ApiKeyOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
