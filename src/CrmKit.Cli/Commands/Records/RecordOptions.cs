using System.CommandLine;

namespace CrmKit.Cli.Commands.Records;

/// <summary>Creates the options several record commands share, so their names and help read the same.</summary>
internal static class RecordOptions
{
    public static Option<string> Data(string description) => new("--data", "-d")
    {
        Description = description + ": inline JSON, @file, or - for standard input",
        HelpName = "json|@file|-",
        Required = true,
    };

    public static Option<long?> Version(string action) => new("--version")
    {
        Description = $"Only {action} if the record is still at this version (sent as If-Match: \"N\")",
        HelpName = "n",
    };
}
