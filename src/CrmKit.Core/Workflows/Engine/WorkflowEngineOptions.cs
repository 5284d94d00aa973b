namespace CrmKit.Core.Workflows.Engine;

/// <summary>Options of the workflow engine (section <c>CrmKit:Workflows</c>).</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CrmKit:Workflows";

    /// <summary>Whether the scheduler (cron and relative-date triggers) runs in this process.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due occurrences.</summary>
    public TimeSpan SchedulerPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often workflows saved, enabled, disabled or deleted on other nodes sharing the database are loaded (default
    /// 5 seconds; zero turns it off). The node that made a change applies it at once.
    /// </summary>
    public TimeSpan DefinitionRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due relative-date entries one scheduler pass handles at most.</summary>
    public int SchedulerBatchSize { get; set; } = 100;

    /// <summary>The timeout of one webhook call.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Webhook secrets by name, for a webhook step's <c>secretSetting</c> parameter (keep them out of workflow JSON).</summary>
    public IDictionary<string, string> WebhookSecrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
