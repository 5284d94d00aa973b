using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>assign_owner</c>: picks one of <c>members</c> (user ids; teams arrive with the security issue) and writes it to
/// <c>field</c> of the triggering record (default <c>owner_id</c>). <c>round_robin</c> keeps a cursor per workflow
/// and step in <c>crm_schedule</c>, moved in the step's transaction; <c>least_loaded</c> counts each member's open
/// records of the same entity (see <see cref="OpenRecordFilters"/>) and takes the first with the fewest.
/// </summary>
internal sealed class AssignOwnerAction(IRecordService records, ICrmStore store) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.AssignOwner;

    public bool Transactional => true;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var record = context.RequiredRecord();
        var members = context.Parameters["members"] is JsonArray list
            ? list.Select(m => (string?)m).Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).ToList()
            : [];
        if (members.Count == 0)
        {
            throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "members", "at least one member is required");
        }

        var field = context.String("field") ?? SystemFields.OwnerId;
        var strategy = context.String("strategy") ?? "round_robin";
        var member = strategy switch
        {
            "round_robin" => await NextInTurnAsync(context, members, cancellationToken),
            "least_loaded" => await LeastLoadedAsync(context, record.Entity, field, members, cancellationToken),
            _ => throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "strategy", strategy),
        };
        await records.UpdateAsync(context.Principal, record.Entity, record.Id, new JsonObject { [field] = member }, null, cancellationToken);
        return new WorkflowStepOutcome(new JsonObject { ["field"] = field, ["member"] = member, ["strategy"] = strategy });
    }

    private async Task<string> NextInTurnAsync(WorkflowStepContext context, List<string> members, CancellationToken cancellationToken)
    {
        // The step runs inside its write transaction, so this joins it: the cursor moves only if the step commits.
        await using var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken);
        var key = $"cursor:{context.Workflow.Name}:{context.Step.Id}";
        var entry = await lease.Session.GetScheduleEntryAsync(key, cancellationToken);
        var next = entry?.Value is { } text && long.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
        await lease.Session.SetScheduleEntryAsync(new StoredScheduleEntry
        {
            Key = key,
            Workflow = context.Workflow.Name,
            Value = (next + 1).ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return members[(int)(next % members.Count)];
    }

    private async Task<string> LeastLoadedAsync(
        WorkflowStepContext context, string entity, string field, List<string> members, CancellationToken cancellationToken)
    {
        var open = context.String("openFilter") ?? OpenRecordFilters.For(entity);
        string? best = null;
        var fewest = long.MaxValue;
        foreach (var member in members)
        {
            var filter = $"{field} eq '{member.Replace("'", "''", StringComparison.Ordinal)}'" + (open is null ? "" : $" and ({open})");
            var page = await records.QueryAsync(context.Principal, entity,
                new RecordQuery { Filter = filter, Limit = 1, IncludeTotal = true }, cancellationToken);
            var count = page.Total ?? page.Items.Count;
            if (count < fewest)
            {
                (best, fewest) = (member, count);
            }
        }

        return best!;
    }
}
