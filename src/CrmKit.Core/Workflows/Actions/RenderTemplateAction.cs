using System.Text.Json.Nodes;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Workflows.Actions;

/// <summary>
/// <c>render_template</c>: renders the stored <c>template</c> against the run's model. With <c>to: document</c>
/// (the default when the run has a record) the text becomes a <c>document</c> record attached to the triggering
/// record; with <c>to: output</c> it becomes the step's output <c>text</c> (a message text for a later step).
/// </summary>
internal sealed class RenderTemplateAction(ITemplateRenderer renderer, IRecordService records) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.RenderTemplate;

    public bool Transactional => true;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var template = context.RequiredString("template");
        var text = await renderer.RenderAsync(template, context.Model, cancellationToken);
        var to = context.String("to") ?? (context.Record is null ? "output" : "document");
        if (to == "output")
        {
            return new WorkflowStepOutcome(new JsonObject { ["template"] = template, ["text"] = text });
        }

        if (to != "document")
        {
            throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "to", to);
        }

        var record = context.RequiredRecord();
        var values = new JsonObject
        {
            ["title"] = context.String("title") ?? template,
            ["body"] = text,
            ["template"] = template,
            ["source_entity"] = record.Entity,
            ["source_id"] = record.Id.ToString("D"),
        };
        var created = await records.CreateAsync(context.Principal, WorkflowDocumentsModule.DocumentEntity, [values], cancellationToken);
        return new WorkflowStepOutcome(new JsonObject
        {
            ["template"] = template,
            ["documentId"] = created[0].Id.ToString("D"),
            ["length"] = text.Length,
        });
    }
}
