using System.CommandLine;

namespace CrmKit.Cli.Commands.Roles;

/// <summary><c>crmkit role</c>: the roles of the server's security directory (<c>/api/roles</c>).</summary>
internal sealed class RoleCommand : Command
{
    public RoleCommand(CliRuntime runtime)
        : base("role", "List, show, save and delete roles: privileges, entity permissions and field access")
    {
        Add(new RoleListCommand(runtime));
        Add(new RoleShowCommand(runtime));
        Add(new RoleSetCommand(runtime));
        Add(new RoleDeleteCommand(runtime));
    }

    /// <summary>The role name argument the commands share.</summary>
    public static Argument<string> NameArgument() => new("name")
    {
        Description = "The role's name (for example sales_rep)",
    };
}
