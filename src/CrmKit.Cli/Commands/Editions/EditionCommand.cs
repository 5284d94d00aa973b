using System.CommandLine;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Editions;

/// <summary><c>crmkit edition</c>: pack editions locally; plan, install, upgrade and list them on the server.</summary>
internal sealed class EditionCommand : Command
{
    public EditionCommand(CliRuntime runtime)
        : base("edition", "Pack an edition; plan, install, upgrade and list the server's editions")
    {
        Add(new EditionPackCommand(runtime));
        Add(new EditionApplyCommand(runtime, EditionApplyCommand.Plan));
        Add(new EditionApplyCommand(runtime, EditionApplyCommand.Install));
        Add(new EditionApplyCommand(runtime, EditionApplyCommand.Upgrade));
        Add(new EditionListCommand(runtime));
    }

    /// <summary>Splits <c>id</c> or <c>id@version</c>.</summary>
    public static (string Id, string? Version) ParseReference(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var (id, version) = at < 0 ? (value, null) : (value[..at], value[(at + 1)..]);
        if (id.Length == 0 || version?.Length == 0)
        {
            throw new CliUsageException(CliMessages.EditionBadReference(value));
        }

        return (id, version);
    }
}
