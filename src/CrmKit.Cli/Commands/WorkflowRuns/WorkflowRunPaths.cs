namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary>The runs journal's API paths.</summary>
internal static class WorkflowRunPaths
{
    public static string Runs(string workflow) => $"api/workflows/{Uri.EscapeDataString(workflow)}/runs";

    public static string Run(string id) => $"api/workflow-runs/{Uri.EscapeDataString(id)}";

    public static string Retry(string id) => $"{Run(id)}/retry";
}
