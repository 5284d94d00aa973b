using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Workflows.Triggers;

/// <summary>
/// Relative-date triggers: when a record changes, its due instant (date field + offset) is computed and kept in
/// <c>crm_schedule</c> in the record's transaction; the scheduler scans that table by its due-instant index. This
/// works for any date field, indexed or not, and a changed or cleared date moves or removes the entry at once.
/// </summary>
internal static class WorkflowDueDates
{
    public static string Key(string workflow, Guid recordId) => $"date:{workflow}:{recordId:N}";

    public static async Task UpdateAsync(
        ICrmStoreSession session, IReadOnlyList<WorkflowDefinition> workflows, RecordHookContext context, CancellationToken cancellationToken)
    {
        foreach (var workflow in workflows)
        {
            var field = workflow.Trigger.Field;
            if (field is null ||
                (context.Operation == RecordOperation.Update && !context.ChangedFields.Contains(field)))
            {
                continue;
            }

            var key = Key(workflow.Name, context.RecordId);
            var values = context.PostImage?.Values ?? context.Target;
            if (context.Operation == RecordOperation.Delete || DueAt(values[field], workflow.Trigger.Offset) is not { } due)
            {
                await session.DeleteScheduleEntryAsync(key, cancellationToken);
                continue;
            }

            await session.SetScheduleEntryAsync(new StoredScheduleEntry
            {
                Key = key,
                Workflow = workflow.Name,
                Entity = context.Entity.Name,
                RecordId = context.RecordId,
                DueAt = due,
            }, cancellationToken);
        }
    }

    /// <summary>The date (midnight UTC for a date-only value) plus the offset; null when there is no date.</summary>
    public static DateTimeOffset? DueAt(JsonNode? value, TimeSpan? offset) =>
        value is JsonValue v && v.TryGetValue(out string? text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date + (offset ?? TimeSpan.Zero)
            : null;
}
