using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Workflows;

/// <summary>How one attempt of a workflow step ended. Create one with <see cref="Success"/> or <see cref="Failure"/>.</summary>
public sealed class WorkflowActionResult
{
    private static readonly WorkflowActionResult EmptySuccess = new(true, null, false, null, null);

    private WorkflowActionResult(bool succeeded, JsonObject? output, bool retryable, string? error, TimeSpan? retryAfter)
    {
        Succeeded = succeeded;
        Output = output;
        Retryable = retryable;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded { get; }

    /// <summary>
    /// What the step produced (for example the id of a created record); later steps and conditions can read it and the
    /// run journal shows a summary. Null when there is nothing.
    /// </summary>
    public JsonObject? Output { get; }

    /// <summary>For a failure: whether another attempt may succeed (a timeout, a rate limit, a provider outage).</summary>
    public bool Retryable { get; }

    /// <summary>For a failure: what went wrong, for the run journal. Never include secrets.</summary>
    public string? Error { get; }

    /// <summary>For a retryable failure: the earliest time to retry after, when the remote side said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="output">What the step produced, if anything.</param>
    /// <returns>The result.</returns>
    public static WorkflowActionResult Success(JsonObject? output = null) =>
        output is null ? EmptySuccess : new(true, output, false, null, null);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">What went wrong, for the run journal.</param>
    /// <param name="retryable">
    /// Whether another attempt may succeed. A retryable failure is retried with backoff until the attempts run out; then
    /// the job moves to the dead-letter list. A non-retryable failure fails the run at once.
    /// </param>
    /// <param name="retryAfter">The earliest time to retry after, when known; ignored for non-retryable failures.</param>
    /// <returns>The result.</returns>
    public static WorkflowActionResult Failure(string error, bool retryable, TimeSpan? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        return new(false, null, retryable, error, retryable ? retryAfter : null);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Succeeded ? "Succeeded" : $"Failed ({(Retryable ? "retryable" : "final")}): {Error}";
}
