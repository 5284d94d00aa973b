using System.CommandLine;

namespace CrmKit.Cli.Commands.Teams;

/// <summary><c>crmkit team</c>: the teams of the server's security directory (<c>/api/teams</c>).</summary>
internal sealed class TeamCommand : Command
{
    public TeamCommand(CliRuntime runtime)
        : base("team", "List, show, create, change and delete teams (the 'team' scope of a role covers their members' records)")
    {
        Add(new TeamListCommand(runtime));
        Add(new TeamShowCommand(runtime));
        Add(new TeamCreateCommand(runtime));
        Add(new TeamUpdateCommand(runtime));
        Add(new TeamDeleteCommand(runtime));
    }

    /// <summary>The team id argument the commands share.</summary>
    public static Argument<string> IdArgument() => new("id")
    {
        Description = "The team's id (for example sales_east)",
    };

    /// <summary>The <c>--name</c> option (the display name).</summary>
    public static Option<string> NameOption(bool required) => new("--name")
    {
        Description = "The name people see (displayName)",
        HelpName = "displayName",
        Required = required,
    };

    /// <summary>The repeatable <c>--member</c> option of <c>create</c>.</summary>
    public static Option<string[]> MemberOption() => new("--member")
    {
        Description = "An account in the team (repeat for several)",
        HelpName = "userId",
    };

    /// <summary>
    /// The <c>--member</c> option of <c>update</c>: it replaces the members, and given without a value it empties the team.
    /// </summary>
    public static Option<string[]> ReplacingMemberOption() => new("--member")
    {
        Description = "The team's members from now on, replacing the current ones (repeat for several; --member alone empties the team)",
        HelpName = "userId",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
