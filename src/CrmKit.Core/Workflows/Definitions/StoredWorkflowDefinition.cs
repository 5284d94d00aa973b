namespace CrmKit.Core.Workflows;

/// <summary>One stored version of a workflow, as a store reads and writes it (table <c>crm_workflows</c>).</summary>
public sealed class StoredWorkflowDefinition
{
    /// <summary>The workflow's id.</summary>
    public required string Name { get; init; }

    /// <summary>The version (1, 2, ...); the current version is the highest.</summary>
    public required long Version { get; init; }

    /// <summary>The document as JSON text.</summary>
    public required string Document { get; init; }

    /// <summary>Whether the workflow is enabled (meaningful on the current version).</summary>
    public required bool Enabled { get; init; }

    /// <summary>When the workflow was deleted (set on the current version); null when it is not.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>When the version was saved (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The user who saved the version.</summary>
    public required string CreatedBy { get; init; }
}
