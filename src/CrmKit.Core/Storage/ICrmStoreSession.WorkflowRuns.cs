namespace CrmKit.Core.Storage;

/// <summary>The workflow runs journal and the workflow scheduler's state.</summary>
public partial interface ICrmStoreSession
{
    /// <summary>Inserts a run.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task InsertWorkflowRunAsync(StoredWorkflowRun run, CancellationToken cancellationToken);

    /// <summary>Replaces a run's mutable columns (status, step, error, times).</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when the run does not exist.</returns>
    Task<bool> UpdateWorkflowRunAsync(StoredWorkflowRun run, CancellationToken cancellationToken);

    /// <summary>Reads a run.</summary>
    /// <param name="id">The run id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run, or null.</returns>
    Task<StoredWorkflowRun?> GetWorkflowRunAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists a workflow's runs, newest first.</summary>
    /// <param name="workflow">The workflow's name.</param>
    /// <param name="status">Only runs in this status, when given.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<StoredWorkflowRun>> ListWorkflowRunsAsync(
        string workflow, string? status, int limit, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the journal row of a run's step.</summary>
    /// <param name="workflowStep">The step.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SaveWorkflowStepAsync(StoredWorkflowStep workflowStep, CancellationToken cancellationToken);

    /// <summary>Lists a run's journaled steps in workflow order.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The steps.</returns>
    Task<IReadOnlyList<StoredWorkflowStep>> ListWorkflowStepsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Reads a scheduler entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or null.</returns>
    Task<StoredScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a scheduler entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SetScheduleEntryAsync(StoredScheduleEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes a scheduler entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when it existed.</returns>
    Task<bool> DeleteScheduleEntryAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lists entries due at or before an instant, earliest first (an index on the due instant serves it).</summary>
    /// <param name="dueBy">The instant.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The due entries.</returns>
    Task<IReadOnlyList<StoredScheduleEntry>> ListDueScheduleEntriesAsync(
        DateTimeOffset dueBy, int limit, CancellationToken cancellationToken);
}
