using System.CommandLine;

namespace CrmKit.Cli.Commands.Users;

/// <summary><c>crmkit user</c>: the accounts of the server's security directory (<c>/api/users</c>).</summary>
internal sealed class UserCommand : Command
{
    public UserCommand(CliRuntime runtime)
        : base("user", "List, show, create and change accounts (people and services); activate and deactivate them")
    {
        Add(new UserListCommand(runtime));
        Add(new UserShowCommand(runtime));
        Add(new UserCreateCommand(runtime));
        Add(new UserUpdateCommand(runtime));
        Add(new UserActiveCommand(runtime, active: false));
        Add(new UserActiveCommand(runtime, active: true));
    }

    /// <summary>The account id argument the commands share.</summary>
    public static Argument<string> IdArgument() => new("id")
    {
        Description = "The account's id (for example anna)",
    };

    /// <summary>The <c>--name</c> option (the display name).</summary>
    public static Option<string> NameOption(bool required) => new("--name")
    {
        Description = "The name people see (displayName)",
        HelpName = "displayName",
        Required = required,
    };

    /// <summary>The <c>--email</c> option.</summary>
    public static Option<string> EmailOption() => new("--email")
    {
        Description = "The account's e-mail address",
        HelpName = "address",
    };

    /// <summary>The repeatable <c>--role</c> option of <c>create</c>.</summary>
    public static Option<string[]> RoleOption() => new("--role")
    {
        Description = "A role the account holds (repeat for several)",
        HelpName = "role",
    };

    /// <summary>
    /// The <c>--role</c> option of <c>update</c>: it replaces the roles, and given without a value it takes them all away.
    /// </summary>
    public static Option<string[]> ReplacingRoleOption() => new("--role")
    {
        Description = "The account's roles from now on, replacing the current ones (repeat for several; --role alone removes every role)",
        HelpName = "role",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
