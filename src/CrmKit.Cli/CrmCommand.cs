using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>A crmkit command that calls the server: subclasses declare their arguments and implement the action.</summary>
internal abstract class CrmCommand : Command
{
    protected CrmCommand(string name, string description, CliRuntime runtime)
        : base(name, description)
    {
        SetAction((parseResult, cancellationToken) => runtime.RunAsync(parseResult, ExecuteAsync, cancellationToken));
    }

    protected abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
