using CrmKit.Cli.Api;
using CrmKit.Cli.Commands.Roles;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Me;

/// <summary>
/// <c>crmkit whoami</c>: <c>GET /api/me</c>. Who the server takes the caller for (the account behind the API key), how
/// (the channel), and what that account may do: its roles, teams and privileges, then one row per entity.
/// </summary>
internal sealed class WhoAmICommand : CrmCommand
{
    public WhoAmICommand(CliRuntime runtime)
        : base("whoami", "Show the account you act as, its roles, teams and privileges, and what it may do on each entity", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var me = await context.Client.GetAsync(ApiPaths.Me, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(me);
            return ExitCodes.Ok;
        }

        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderId, JsonText.ToCell(me?["id"]));
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(me?["displayName"]));
        table.AddRow(CliMessages.HeaderKind, JsonText.ToCell(me?["kind"]));
        table.AddRow(CliMessages.HeaderChannel, JsonText.ToCell(me?["channel"]));
        table.AddRow(CliMessages.HeaderRoles, JsonText.ToList(me?["roles"]));
        table.AddRow(CliMessages.HeaderTeams, JsonText.ToList(me?["teams"]));
        table.AddRow(CliMessages.HeaderPrivileges, JsonText.ToList(me?["privileges"]));
        table.AddRow(CliMessages.HeaderUnrestricted, JsonText.ToYesNo(me?["unrestricted"]));
        table.Write(context.Out);
        context.Out.WriteLine();
        AccessTable.Write(context.Out, me?["entities"]);
        return ExitCodes.Ok;
    }
}
