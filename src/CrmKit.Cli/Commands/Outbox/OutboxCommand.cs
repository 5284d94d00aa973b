using System.CommandLine;

namespace CrmKit.Cli.Commands.Outbox;

/// <summary><c>crmkit outbox</c>: the server's outbox jobs (docs/outbox.md).</summary>
internal sealed class OutboxCommand : Command
{
    public OutboxCommand(CliRuntime runtime)
        : base("outbox", "Inspect the outbox's jobs and requeue dead ones")
    {
        Add(new OutboxListCommand(runtime));
        Add(new OutboxShowCommand(runtime));
        Add(new OutboxRequeueCommand(runtime));
    }

    /// <summary>The job id argument the commands share.</summary>
    public static Argument<string> IdArgument() => new("id")
    {
        Description = "The job's id (a GUID, as outbox list prints it)",
    };
}
