namespace CrmKit.Core.Outbox;

/// <summary>The outbox and its dispatcher (configuration section <c>CrmKit:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CrmKit:Outbox";

    /// <summary>Whether this process runs the dispatcher (false: it only queues; another process dispatches).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due jobs when idle (jobs queued in this process wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many jobs one claim takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The attempts of a job unless it says otherwise; then it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The backoff before the second attempt; it doubles with each attempt (full jitter: a random delay up to it).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The cap of the backoff.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a claimed job belongs to its dispatcher. A job still running when its lease expires (the process died)
    /// is claimed again, so keep it well above the longest job.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many jobs of a batch run at the same time.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// Test and diagnostics only: accepts <c>POST /api/outbox</c> for the diagnostic job kinds
    /// (<c>diagnostics.noop</c>, <c>diagnostics.record_effect</c>, <c>diagnostics.fail</c>). Off by default.
    /// </summary>
    public bool DiagnosticJobs { get; set; }
}
