namespace CrmKit.Core.Workflows.Engine;

/// <summary>What the engine reads of the workflow definitions: the enabled ones by trigger, and pinned versions.</summary>
internal interface IWorkflowDefinitionSource
{
    /// <summary>The enabled workflows with this trigger type (and entity, for record and date triggers). O(1).</summary>
    IReadOnlyList<WorkflowDefinition> Find(string triggerType, string? entity);

    /// <summary>Every enabled workflow.</summary>
    IReadOnlyList<WorkflowDefinition> All { get; }

    /// <summary>A workflow at a version (any state), or its current version when <paramref name="version"/> is null.</summary>
    Task<WorkflowDefinition?> GetAsync(string name, long? version, CancellationToken cancellationToken);
}
