using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Roles;

/// <summary>
/// <c>crmkit role show &lt;name&gt;</c>: <c>GET /api/roles/{name}</c>. <c>--output json</c> prints the role document,
/// which <c>role set</c> accepts back as it is.
/// </summary>
internal sealed class RoleShowCommand : CrmCommand
{
    private readonly Argument<string> _name = RoleCommand.NameArgument();

    public RoleShowCommand(CliRuntime runtime)
        : base("show", "Show a role: its labels, privileges and what it allows on each entity", runtime)
    {
        Add(_name);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var role = await context.Client.GetAsync(ApiPaths.Role(context.ParseResult.GetRequiredValue(_name)), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(role);
        }
        else
        {
            RoleOutput.WriteDetail(context.Out, role);
        }

        return ExitCodes.Ok;
    }
}
