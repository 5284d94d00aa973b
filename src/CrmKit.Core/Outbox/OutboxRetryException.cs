namespace CrmKit.Core.Outbox;

/// <summary>Thrown by a handler to retry its job after a given delay instead of the computed backoff.</summary>
public sealed class OutboxRetryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxRetryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the job is retried.</param>
    public OutboxRetryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the job is retried.</param>
    /// <param name="innerException">The cause.</param>
    public OutboxRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the job is retried.</param>
    /// <param name="retryAfter">The delay before the next attempt.</param>
    public OutboxRetryException(string message, TimeSpan retryAfter)
        : base(message) => RetryAfter = retryAfter;

    /// <summary>The delay before the next attempt (null: the computed backoff).</summary>
    public TimeSpan? RetryAfter { get; }
}
