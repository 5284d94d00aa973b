using CrmKit.Core.Modules;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Finds a step's action: a built-in one by type, else a plugin's <see cref="IWorkflowAction"/> in the extensions.</summary>
internal sealed class WorkflowActionResolver(IEnumerable<IBuiltInWorkflowAction> builtIn, ICrmExtensions extensions)
{
    private readonly Dictionary<string, IBuiltInWorkflowAction> _builtIn =
        builtIn.ToDictionary(a => a.Type, StringComparer.Ordinal);

    public IBuiltInWorkflowAction Resolve(string type)
    {
        if (_builtIn.TryGetValue(type, out var action))
        {
            return action;
        }

        // Asked per step, never cached: plugins come and go at run time.
        return extensions.TryGet<IWorkflowAction>(type, out var plugin)
            ? new PluginWorkflowAction(plugin)
            : throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.UnknownAction, type);
    }
}
