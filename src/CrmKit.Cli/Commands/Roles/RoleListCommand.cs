using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Roles;

/// <summary><c>crmkit role list</c>: <c>GET /api/roles</c>.</summary>
internal sealed class RoleListCommand : CrmCommand
{
    public RoleListCommand(CliRuntime runtime)
        : base("list", "List the roles (built-in ones too) with their label and version", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Roles, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            RoleOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
