namespace CrmKit.Cli.Commands.Workflows;

/// <summary>The API paths of workflow definitions.</summary>
internal static class WorkflowPaths
{
    public const string Workflows = "api/workflows";

    public static string Workflow(string name) => $"{Workflows}/{Uri.EscapeDataString(name)}";

    public static string Versions(string name) => $"{Workflow(name)}/versions";

    public static string Version(string name, long version) => $"{Versions(name)}/{version}";

    /// <summary>Adds <c>?version=n</c> (which, unlike If-Match, can say 0: "must not exist yet").</summary>
    public static string WithVersion(string path, long? version) =>
        version is { } v ? $"{path}?version={v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : path;

    public static string Action(string name, string action) => $"{Workflow(name)}/{action}";
}
