using System.Text.Json.Nodes;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Workflows.Triggers;

/// <summary>The <c>fields</c> (any of them changed) and <c>to</c> (changed to these values) filters of record triggers.</summary>
internal static class WorkflowTriggerMatcher
{
    public static bool Matches(WorkflowTriggerDefinition trigger, RecordHookContext context)
    {
        if (context.Operation != RecordOperation.Update)
        {
            return true;
        }

        if (trigger.Fields.Count > 0 && !trigger.Fields.Any(context.ChangedFields.Contains))
        {
            return false;
        }

        if (trigger.To is { Count: > 0 } to)
        {
            var values = context.PostImage?.Values ?? context.Target;
            foreach (var (field, wanted) in to)
            {
                if (!context.ChangedFields.Contains(field) || !JsonNode.DeepEquals(values[field], wanted))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
