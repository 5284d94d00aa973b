using CrmKit.Core.Storage;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Starts workflows by hand and reads and retries runs (the runs journal).</summary>
public interface IWorkflowRunService
{
    /// <summary>Starts an enabled workflow now (manual/API start), optionally for a record.</summary>
    /// <param name="workflow">The workflow's name.</param>
    /// <param name="entity">The record's entity, or null.</param>
    /// <param name="recordId">The record's id, or null.</param>
    /// <param name="principal">Who starts it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new run.</returns>
    Task<StoredWorkflowRun> StartAsync(
        string workflow, string? entity, Guid? recordId, CrmPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Lists a workflow's runs, newest first.</summary>
    /// <param name="workflow">The workflow's name.</param>
    /// <param name="status">Only this status, when given.</param>
    /// <param name="limit">At most this many (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<StoredWorkflowRun>> ListAsync(
        string workflow, string? status = null, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Reads a run and its journaled steps.</summary>
    /// <param name="id">The run id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run and steps; not found is an error.</returns>
    Task<(StoredWorkflowRun Run, IReadOnlyList<StoredWorkflowStep> Steps)> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Restarts a failed run from its failed step, with the same workflow version.</summary>
    /// <param name="id">The run id.</param>
    /// <param name="principal">Who retries it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run, pending again.</returns>
    Task<StoredWorkflowRun> RetryAsync(Guid id, CrmPrincipal principal, CancellationToken cancellationToken = default);
}
