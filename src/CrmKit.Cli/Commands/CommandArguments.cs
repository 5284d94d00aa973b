using System.CommandLine;

namespace CrmKit.Cli.Commands;

/// <summary>Creates the positional arguments several commands share, so their names and help read the same.</summary>
internal static class CommandArguments
{
    public static Argument<string> Entity() => new("entity")
    {
        Description = "The entity's name (lower snake case, for example contact)",
    };

    public static Argument<string> Field() => new("name")
    {
        Description = "The field's name (lower snake case, for example nickname)",
    };

    public static Argument<string> RecordId() => new("id")
    {
        Description = "The record's id",
    };
}
