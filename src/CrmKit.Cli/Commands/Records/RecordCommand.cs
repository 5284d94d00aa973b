using System.CommandLine;

namespace CrmKit.Cli.Commands.Records;

/// <summary>
/// <c>crmkit record</c>: list, read, create, change, delete and restore records, send them messages, show their history
/// and export them.
/// </summary>
internal sealed class RecordCommand : Command
{
    public RecordCommand(CliRuntime runtime)
        : base("record", "List, read, create, change, delete and restore records, send them messages, show their history, export them")
    {
        Add(new RecordListCommand(runtime));
        Add(new RecordGetCommand(runtime));
        Add(new RecordCreateCommand(runtime));
        Add(new RecordUpdateCommand(runtime));
        Add(new RecordDeleteCommand(runtime));
        Add(new RecordRestoreCommand(runtime));
        Add(new RecordSendCommand(runtime));
        Add(new RecordHistoryCommand(runtime));
        Add(new RecordExportCommand(runtime));
    }
}
