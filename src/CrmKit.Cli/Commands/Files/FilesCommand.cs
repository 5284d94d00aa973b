using System.CommandLine;

namespace CrmKit.Cli.Commands.Files;

/// <summary><c>crmkit files</c>: the server's file stores (docs/integrations/files.md).</summary>
internal sealed class FilesCommand : Command
{
    public FilesCommand(CliRuntime runtime)
        : base("files", "Move attachment content between the server's file stores")
    {
        Add(new FilesMigrateCommand(runtime));
        Add(new FilesStatusCommand(runtime));
        Add(new FilesCancelCommand(runtime));
    }
}
