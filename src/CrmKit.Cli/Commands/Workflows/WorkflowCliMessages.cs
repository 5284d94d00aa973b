using System.Globalization;
using System.Resources;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary>What <c>crmkit workflow</c> prints (WorkflowCliMessages.resx, .ru.resx), in <see cref="CliMessages.Culture"/>.</summary>
internal static class WorkflowCliMessages
{
    private static readonly ResourceManager Resources =
        new("CrmKit.Cli.Commands.Workflows.WorkflowCliMessages", typeof(WorkflowCliMessages).Assembly);

    public static string Saved(string name, long version) => Format(nameof(Saved), name, version);

    public static string Enabled(string name) => Format(nameof(Enabled), name);

    public static string Disabled(string name) => Format(nameof(Disabled), name);

    public static string Deleted(string name) => Format(nameof(Deleted), name);

    public static string NoName => Get(nameof(NoName));

    public static string Get(string key) => Resources.GetString(key, CliMessages.Culture) ?? key;

    private static string Format(string key, params object[] args) => string.Format(CliMessages.Culture, Get(key), args);
}
