using CrmKit.Core.Workflows;

namespace CrmKit.Core.Storage;

/// <summary>Workflow definitions: every version kept; the current version of a workflow is its highest.</summary>
public partial interface ICrmStoreSession
{
    /// <summary>Loads the current version of every workflow, deleted ones included, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The workflows.</returns>
    Task<IReadOnlyList<StoredWorkflowDefinition>> LoadWorkflowsAsync(CancellationToken cancellationToken);

    /// <summary>Reads one version of a workflow, or its current version.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="version">The version; null for the current one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version, or null when there is none.</returns>
    Task<StoredWorkflowDefinition?> ReadWorkflowAsync(string name, long? version, CancellationToken cancellationToken);

    /// <summary>Lists every version of a workflow, oldest first.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions; empty when the workflow never existed.</returns>
    Task<IReadOnlyList<StoredWorkflowDefinition>> GetWorkflowVersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds a version of a workflow.</summary>
    /// <param name="workflow">The version; its number must be one more than the current one (1 for a new workflow).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when that version already exists (another writer won the race); nothing is written then.</returns>
    Task<bool> InsertWorkflowVersionAsync(StoredWorkflowDefinition workflow, CancellationToken cancellationToken);

    /// <summary>Sets the enabled and deleted state of one version (the current one) without making a new version.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="version">The version to change.</param>
    /// <param name="enabled">Whether it is enabled.</param>
    /// <param name="deletedAt">When it was deleted, or null to mark it not deleted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when there is no such version.</returns>
    Task<bool> SetWorkflowStateAsync(string name, long version, bool enabled, DateTimeOffset? deletedAt, CancellationToken cancellationToken);
}
