using System.Globalization;
using System.Resources;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary>What the workflow run commands print (WorkflowRunCliMessages.resx, .ru.resx), in <see cref="CliMessages.Culture"/>.</summary>
internal static class WorkflowRunCliMessages
{
    private static readonly ResourceManager Resources =
        new("CrmKit.Cli.Commands.WorkflowRuns.WorkflowRunCliMessages", typeof(WorkflowRunCliMessages).Assembly);

    public static string Started(string id, string workflow, long version) => Format(nameof(Started), id, workflow, version);

    public static string Retried(string id, string step) => Format(nameof(Retried), id, step);

    public static string Get(string key) => Resources.GetString(key, CliMessages.Culture) ?? key;

    private static string Format(string key, params object[] args) => string.Format(CliMessages.Culture, Get(key), args);
}
