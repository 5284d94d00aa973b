using System.Text.Json.Nodes;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>create_record</c>: creates a record of <c>entity</c> from <c>values</c> (already rendered as templates, e.g. a
/// call task whose <c>responsible_user</c> is <c>{{ record.responsible_user }}</c>), in the step's transaction.
/// </summary>
internal sealed class CreateRecordAction(IRecordService records) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.CreateRecord;

    public bool Transactional => true;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var entity = context.RequiredString("entity");
        var values = context.Parameters["values"] as JsonObject
            ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "values", "an object is required");
        var created = await records.CreateAsync(context.Principal, entity, [(JsonObject)values.DeepClone()], cancellationToken);
        return new WorkflowStepOutcome(new JsonObject { ["entity"] = entity, ["recordId"] = created[0].Id.ToString("D") });
    }
}
