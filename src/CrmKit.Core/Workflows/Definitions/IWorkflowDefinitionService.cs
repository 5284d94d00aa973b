using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Workflows;

/// <summary>
/// Workflow definitions as versioned metadata: JSON documents validated by a published JSON Schema and by checks
/// against the current metadata and extensions, stored with every version kept, enabled or disabled, soft-deleted.
/// Every change also updates <see cref="WorkflowRegistry"/>.
/// </summary>
public interface IWorkflowDefinitionService
{
    /// <summary>Lists the current version of every workflow, ordered by name.</summary>
    /// <param name="triggerEntity">Only workflows whose trigger is on this entity; null for all.</param>
    /// <param name="includeDeleted">Whether deleted workflows are listed too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The workflows.</returns>
    Task<IReadOnlyList<WorkflowDefinition>> ListAsync(
        string? triggerEntity = null, bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>Reads a workflow's current version, or one of its versions (deleted workflows' versions stay readable).</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="version">The version; null for the current version of a workflow that is not deleted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="CrmException">There is no such workflow or version (<c>workflow.not_found</c>).</exception>
    Task<WorkflowDefinition> GetAsync(string name, long? version = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every version of a workflow, oldest first.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions.</returns>
    /// <exception cref="CrmException">The workflow never existed (<c>workflow.not_found</c>).</exception>
    Task<IReadOnlyList<WorkflowDefinition>> GetVersionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a document and saves it as the workflow's next version (1 for a new workflow, or one past a deleted
    /// workflow's last version, which undeletes it). The document's <c>enabled</c> (default true) sets the state.
    /// </summary>
    /// <param name="document">The workflow document; it is copied.</param>
    /// <param name="expectedVersion">The current version the caller read (0: the workflow must not exist); null to skip the check.</param>
    /// <param name="principal">Who saves.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The saved version.</returns>
    /// <exception cref="CrmException">
    /// The document is invalid (<c>workflow.invalid</c>, kind Validation, one error per problem with its JSON pointer),
    /// or the version is stale (<c>workflow.version_conflict</c>).
    /// </exception>
    Task<WorkflowDefinition> SaveAsync(
        JsonObject document, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables a workflow's current version (no new version is made).</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="enabled">Whether new runs start.</param>
    /// <param name="principal">Who changes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current version with its new state.</returns>
    /// <exception cref="CrmException">There is no such workflow (<c>workflow.not_found</c>).</exception>
    Task<WorkflowDefinition> SetEnabledAsync(
        string name, bool enabled, CrmPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Deletes a workflow softly: it is disabled and marked deleted; its versions stay readable for its runs.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="expectedVersion">The current version the caller read; null to skip the check.</param>
    /// <param name="principal">Who deletes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the workflow is deleted.</returns>
    /// <exception cref="CrmException">No such workflow (<c>workflow.not_found</c>) or a stale version (<c>workflow.version_conflict</c>).</exception>
    Task DeleteAsync(string name, long? expectedVersion, CrmPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Checks a document without saving it.</summary>
    /// <param name="document">The workflow document.</param>
    /// <returns>Every problem with its JSON pointer; empty when the document is valid.</returns>
    IReadOnlyList<CrmError> Validate(JsonObject document);

    /// <summary>Returns a copy of the published JSON Schema (draft 2020-12) of workflow documents.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    JsonObject GetSchema();
}
