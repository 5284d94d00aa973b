using System.CommandLine;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary>Adds <c>runs</c>, <c>run show|retry</c> and <c>start</c> to <c>crmkit workflow</c>.</summary>
internal static class WorkflowRunCommands
{
    public static Command AddTo(Command workflow, CliRuntime runtime)
    {
        workflow.Add(new WorkflowRunsCommand(runtime));
        workflow.Add(new WorkflowRunCommand(runtime));
        workflow.Add(new WorkflowStartCommand(runtime));
        return workflow;
    }
}
