using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Roles;

/// <summary>
/// <c>crmkit role delete &lt;name&gt;</c>: <c>DELETE /api/roles/{name}</c>. The server refuses a built-in role and a role
/// that accounts still hold (<c>role.in_use</c>).
/// </summary>
internal sealed class RoleDeleteCommand : CrmCommand
{
    private readonly Argument<string> _name = RoleCommand.NameArgument();

    public RoleDeleteCommand(CliRuntime runtime)
        : base("delete", "Delete a role that no account holds", runtime)
    {
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.ParseResult.GetRequiredValue(_name);
        await context.Client.SendAsync(HttpMethod.Delete, ApiPaths.Role(name), body: null, ifMatchVersion: null, cancellationToken);

        // The server answers 204 with no body, so --output json prints nothing: the exit code says it worked.
        if (!context.Json)
        {
            context.Out.WriteLine(CliMessages.RoleDeleted(name));
        }

        return ExitCodes.Ok;
    }
}
