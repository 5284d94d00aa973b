using System.CommandLine;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary><c>crmkit workflow</c>: workflow definitions (<c>/api/workflows</c>).</summary>
internal sealed class WorkflowCommand : Command
{
    public WorkflowCommand(CliRuntime runtime)
        : base("workflow", "List, show, save, enable, disable and delete workflow definitions")
    {
        Add(new WorkflowListCommand(runtime));
        Add(new WorkflowShowCommand(runtime));
        Add(new WorkflowSetCommand(runtime));
        Add(new WorkflowStateCommand(runtime, WorkflowStateCommand.Enable));
        Add(new WorkflowStateCommand(runtime, WorkflowStateCommand.Disable));
        Add(new WorkflowDeleteCommand(runtime));
        Add(new WorkflowVersionsCommand(runtime));
    }

    /// <summary>The workflow name argument the commands share.</summary>
    public static Argument<string> NameArgument() => new("name") { Description = "The workflow's name (for example lead-assignment)" };

    /// <summary>The expected-version option of set and delete.</summary>
    public static Option<long?> VersionOption(string action) => new("--version")
    {
        Description = $"Only {action} if the workflow is still at this version (0: it must not exist)",
        HelpName = "n",
    };
}
