using System.Text.Json.Nodes;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Workflows.Triggers;

/// <summary>
/// The <c>fields</c> (any of them changed) and <c>to</c> (changed to these values) filters of record triggers. On
/// create, <c>to</c> means "created with these values" and <c>fields</c> is ignored; on delete both are ignored.
/// </summary>
internal static class WorkflowTriggerMatcher
{
    public static bool Matches(WorkflowTriggerDefinition trigger, RecordHookContext context)
    {
        if (context.Operation == RecordOperation.Delete)
        {
            return true;
        }

        var created = context.Operation == RecordOperation.Create;
        if (!created && trigger.Fields.Count > 0 && !trigger.Fields.Any(context.ChangedFields.Contains))
        {
            return false;
        }

        if (trigger.To is { Count: > 0 } to)
        {
            var values = context.PostImage?.Values ?? context.Target;
            foreach (var (field, wanted) in to)
            {
                if ((!created && !context.ChangedFields.Contains(field)) || !JsonNode.DeepEquals(values[field], wanted))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
