using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Users;

/// <summary><c>crmkit user list</c>: <c>GET /api/users</c>.</summary>
internal sealed class UserListCommand : CrmCommand
{
    public UserListCommand(CliRuntime runtime)
        : base("list", "List the accounts with their kind, roles, teams and whether they are active", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Users, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            UserOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
