using System.Text.Json.Nodes;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>set_fields</c>: updates the triggering record with <c>values</c> through the records service (so the pipeline,
/// validation and the depth limit apply), in the step's transaction.
/// </summary>
internal sealed class SetFieldsAction(IRecordService records) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.SetFields;

    public bool Transactional => true;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var record = context.RequiredRecord();
        var values = context.Parameters["values"] as JsonObject
            ?? throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "values", "an object is required");
        var updated = await records.UpdateAsync(context.Principal, record.Entity, record.Id, values, null, cancellationToken);
        return new WorkflowStepOutcome(new JsonObject { ["recordId"] = updated.Id.ToString("D"), ["version"] = updated.Version });
    }
}
