using System.Globalization;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Workflows.Triggers;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Workflows.Scheduling;

/// <summary>
/// Gives the records that existed before a relative-date workflow version was enabled their due entries: once per
/// workflow version (marked <c>backfill:{name}:{version}</c> in <c>crm_schedule</c>), the entity is paged through
/// with <c>{field} ne null</c>. Only instants after the version's creation are scheduled, so enabling a reminder does
/// not fire it at once for every old record.
/// </summary>
internal sealed class WorkflowDueDateBackfill(ICrmStore store, IRecordService records)
{
    private const int PageSize = 500;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, long), bool> _done = new();

    public async Task RunAsync(WorkflowDefinition workflow, CancellationToken cancellationToken)
    {
        if (workflow.Trigger is not { Entity: { } entity, Field: { } field })
        {
            return;
        }

        if (_done.ContainsKey((workflow.Name, workflow.Version)))
        {
            return;
        }

        var marker = $"backfill:{workflow.Name}:{workflow.Version.ToString(CultureInfo.InvariantCulture)}";
        await using (var read = await SessionLease.OpenAsync(store, write: false, cancellationToken))
        {
            if (await read.Session.GetScheduleEntryAsync(marker, cancellationToken) is not null)
            {
                _done[(workflow.Name, workflow.Version)] = true;
                return;
            }
        }

        var principal = CrmPrincipal.System.WithChannel(CrmChannel.Workflow);
        string? after = null;
        do
        {
            var page = await records.QueryAsync(principal, entity,
                new RecordQuery { Filter = $"{field} ne null", Limit = PageSize, After = after }, cancellationToken);
            await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
            foreach (var record in page.Items)
            {
                var key = WorkflowDueDates.Key(workflow.Name, record.Id);
                if (WorkflowDueDates.DueAt(record.Values[field], workflow.Trigger.Offset) is { } due && due > workflow.CreatedAt &&
                    await lease.Session.GetScheduleEntryAsync(key, cancellationToken) is null)
                {
                    await lease.Session.SetScheduleEntryAsync(new StoredScheduleEntry
                    {
                        Key = key, Workflow = workflow.Name, Entity = entity, RecordId = record.Id, DueAt = due,
                    }, cancellationToken);
                }
            }

            if (page.NextCursor is null)
            {
                await lease.Session.SetScheduleEntryAsync(new StoredScheduleEntry { Key = marker, Workflow = workflow.Name, Value = "done" }, cancellationToken);
            }

            await lease.CommitAsync(cancellationToken);
            after = page.NextCursor;
        }
        while (after is not null);
        _done[(workflow.Name, workflow.Version)] = true;
    }
}
