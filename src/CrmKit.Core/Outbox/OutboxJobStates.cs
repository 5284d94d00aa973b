using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Outbox;

/// <summary>The names of <see cref="OutboxJobState"/> in the API, CLI and store (<c>pending</c>, <c>running</c>, <c>done</c>, <c>dead</c>).</summary>
public static class OutboxJobStates
{
    /// <summary>The lowercase name of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string ToText(OutboxJobState state) => state.ToString().ToLowerInvariant();

    /// <summary>Parses a state name; throws a <c>CrmException</c> <c>outbox.invalid_state</c> (400) for others.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The state.</returns>
    public static OutboxJobState Parse(string text) =>
        text switch
        {
            "pending" => OutboxJobState.Pending,
            "running" => OutboxJobState.Running,
            "done" => OutboxJobState.Done,
            "dead" => OutboxJobState.Dead,
            _ => throw new CrmException(
                CrmErrorKind.BadRequest, OutboxErrorCodes.InvalidState, OutboxMessages.Text(OutboxErrorCodes.InvalidState, text)),
        };

    /// <summary>The error for a job id that does not exist (<c>outbox.job_not_found</c>, 404).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The exception to throw.</returns>
    public static CrmException JobNotFound(Guid id) => OutboxMessages.JobNotFound(id);
}
