using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Users;

/// <summary>
/// <c>crmkit user activate|deactivate &lt;id&gt;</c>: <c>PATCH /api/users/{id}</c> with <c>{"active": true|false}</c>. A
/// deactivated account can no longer sign in and its API keys stop working; its records and history stay.
/// </summary>
internal sealed class UserActiveCommand : CrmCommand
{
    private readonly Argument<string> _id = UserCommand.IdArgument();
    private readonly bool _active;

    public UserActiveCommand(CliRuntime runtime, bool active)
        : base(
            active ? "activate" : "deactivate",
            active ? "Let a deactivated account sign in again" : "Stop an account from signing in (its API keys stop working too)",
            runtime)
    {
        _active = active;
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.ParseResult.GetRequiredValue(_id);
        var response = await context.Client.SendAsync(
            HttpMethod.Patch, ApiPaths.User(id), new JsonObject { ["active"] = _active }, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            context.Out.WriteLine(_active ? CliMessages.UserActivated(id) : CliMessages.UserDeactivated(id));
        }

        return ExitCodes.Ok;
    }
}
