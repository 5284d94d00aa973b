using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;
using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Workflows.Scheduling;

/// <summary>
/// Fires schedule (cron, with a time zone) and relative-date triggers. Each cron workflow's last fired occurrence is
/// kept in <c>crm_schedule</c> and advanced in the same transaction that inserts the run and its first job, so an
/// occurrence fires once, across restarts and concurrent schedulers (SQLite's write lock serializes them).
/// Missed while down: only the most recent missed occurrence fires, once; older ones are skipped and counted in the
/// run's event (<c>skipped</c>). A workflow seen for the first time counts from its version's creation.
/// Relative-date versions are backfilled once (<see cref="WorkflowDueDateBackfill"/>) before due entries fire.
/// </summary>
internal sealed class WorkflowScheduler(
    ICrmStore store,
    IWorkflowDefinitionSource definitions,
    WorkflowRunStarter starter,
    WorkflowDueDateBackfill backfill,
    IOptions<WorkflowEngineOptions> options,
    TimeProvider clock,
    ILogger<WorkflowScheduler>? logger = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SchedulerPollInterval, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (logger ?? NullLogger<WorkflowScheduler>.Instance).LogError(e, "Workflow scheduler pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: fires due cron occurrences and due relative-date entries. Returns how many runs started.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var workflow in definitions.Find(BuiltInWorkflowTriggers.Schedule, null))
        {
            started += await FireCronAsync(workflow, cancellationToken) ? 1 : 0;
        }

        foreach (var workflow in definitions.All)
        {
            if (workflow.Trigger.Type == BuiltInWorkflowTriggers.DateRelative)
            {
                await backfill.RunAsync(workflow, cancellationToken);
            }
        }

        started += await FireDueDatesAsync(cancellationToken);
        return started;
    }

    private async Task<bool> FireCronAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        if (workflow.Trigger.Cron is not { } text)
        {
            return false;
        }

        var cron = CronExpression.Parse(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        var zone = workflow.Trigger.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow();
        var key = "cron:" + workflow.Name;
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var entry = await lease.Session.GetScheduleEntryAsync(key, cancellationToken);
        var last = entry?.Value is { } value
            ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : workflow.CreatedAt;
        DateTimeOffset? latest = null;
        var skipped = 0;
        foreach (var occurrence in cron.GetOccurrences(last, now, zone, fromInclusive: false, toInclusive: true))
        {
            skipped += latest is null ? 0 : 1;
            latest = occurrence;
        }

        if (latest is not { } due)
        {
            return false;
        }

        await lease.Session.SetScheduleEntryAsync(new StoredScheduleEntry
        {
            Key = key,
            Workflow = workflow.Name,
            Value = due.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken);
        var trigger = new WorkflowEvent
        {
            TriggerType = BuiltInWorkflowTriggers.Schedule,
            Payload = new JsonObject { ["occurrence"] = due, ["skipped"] = skipped },
            OccurredAt = now,
            Principal = CrmPrincipal.System.WithChannel(CrmChannel.Workflow),
            IdempotencyKey = $"{key}:{due.ToUnixTimeSeconds()}",
        };
        await starter.StartAsync(lease.Session, workflow, trigger, null, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<int> FireDueDatesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var due = await lease.Session.ListDueScheduleEntriesAsync(now, options.Value.SchedulerBatchSize, cancellationToken);
        var started = 0;
        foreach (var entry in due)
        {
            if (!entry.Key.StartsWith("date:", StringComparison.Ordinal))
            {
                continue;
            }

            // Removed first: an entry fires once for its due instant; a later change of the date re-creates it.
            await lease.Session.DeleteScheduleEntryAsync(entry.Key, cancellationToken);
            var workflow = definitions.All.FirstOrDefault(w => w.Name == entry.Workflow);
            if (workflow is null || workflow.Trigger.Type != BuiltInWorkflowTriggers.DateRelative || entry.RecordId is null)
            {
                continue;
            }

            var trigger = new WorkflowEvent
            {
                TriggerType = BuiltInWorkflowTriggers.DateRelative,
                Entity = entry.Entity,
                RecordId = entry.RecordId,
                Payload = new JsonObject { ["dueAt"] = entry.DueAt, ["field"] = workflow.Trigger.Field },
                OccurredAt = now,
                Principal = CrmPrincipal.System.WithChannel(CrmChannel.Workflow),
                IdempotencyKey = $"{entry.Key}:{entry.DueAt?.ToUnixTimeSeconds()}",
            };
            await starter.StartAsync(lease.Session, workflow, trigger, null, cancellationToken);
            started++;
        }

        await lease.CommitAsync(cancellationToken);
        return started;
    }
}
