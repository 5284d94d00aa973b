namespace CrmKit.Core.Workflows.Engine;

/// <summary>A step failed; <see cref="Retryable"/> says whether the outbox should try it again.</summary>
internal sealed class WorkflowStepException(string code, string message, bool retryable, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public bool Retryable { get; } = retryable;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
