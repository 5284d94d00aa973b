namespace CrmKit.Sdk.Messaging;

/// <summary>How a send ended. Create one with <see cref="Sent"/> or <see cref="Failed"/>.</summary>
public sealed class OutboundMessageResult
{
    private OutboundMessageResult(bool succeeded, string? externalMessageId, bool retryable, string? error, TimeSpan? retryAfter)
    {
        Succeeded = succeeded;
        ExternalMessageId = externalMessageId;
        Retryable = retryable;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether the channel accepted the message.</summary>
    public bool Succeeded { get; }

    /// <summary>The id the channel gave the sent message, if it returned one.</summary>
    public string? ExternalMessageId { get; }

    /// <summary>For a failure: whether another attempt may succeed (a timeout, a rate limit, a server error).</summary>
    public bool Retryable { get; }

    /// <summary>For a failure: what went wrong, for logs and the run journal. Never include secrets.</summary>
    public string? Error { get; }

    /// <summary>For a retryable failure: the earliest time to retry after, when the channel said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Creates a result for a message the channel accepted.</summary>
    /// <param name="externalMessageId">The id the channel gave the message, if any.</param>
    /// <returns>The result.</returns>
    public static OutboundMessageResult Sent(string? externalMessageId = null) =>
        new(true, externalMessageId, false, null, null);

    /// <summary>Creates a result for a message the channel did not accept.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="retryable">Whether another attempt may succeed.</param>
    /// <param name="retryAfter">The earliest time to retry after, when known; ignored for non-retryable failures.</param>
    /// <returns>The result.</returns>
    public static OutboundMessageResult Failed(string error, bool retryable, TimeSpan? retryAfter = null)
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
        Succeeded ? $"Sent {ExternalMessageId}" : $"Failed ({(Retryable ? "retryable" : "final")}): {Error}";
}
