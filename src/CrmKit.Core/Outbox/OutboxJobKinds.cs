namespace CrmKit.Core.Outbox;

/// <summary>The job kinds of CrmKit itself.</summary>
public static class OutboxJobKinds
{
    /// <summary>Runs one PostCommit record hook with the operation's stored images.</summary>
    public const string PostCommit = "pipeline.post_commit";

    /// <summary>Diagnostics: does nothing (dispatcher throughput).</summary>
    public const string DiagnosticNoop = "diagnostics.noop";

    /// <summary>Diagnostics: records its idempotency key in the effects table (exactly-once checks).</summary>
    public const string DiagnosticRecordEffect = "diagnostics.record_effect";

    /// <summary>
    /// Diagnostics: always fails (dead-letter and requeue checks). Its payload's <c>maxAttempts</c> sets the attempts
    /// when queued through <see cref="IOutboxAdmin.EnqueueDiagnosticAsync"/>.
    /// </summary>
    public const string DiagnosticFail = "diagnostics.fail";

    /// <summary>Whether the kind is a diagnostic one (the only kinds the API may queue).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for the diagnostic kinds.</returns>
    public static bool IsDiagnostic(string kind) => kind is DiagnosticNoop or DiagnosticRecordEffect or DiagnosticFail;
}
