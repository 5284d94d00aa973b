namespace CrmKit.Core.Files;

/// <summary>The progress of a migration of attachment content between file stores.</summary>
public sealed class FileMigrationStatus
{
    /// <summary>The migration id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The store the content moves to.</summary>
    public required string Target { get; init; }

    /// <summary><c>running</c>, <c>completed</c> (every attachment is in the target), <c>failed</c> or <c>cancelled</c>.</summary>
    public required string State { get; init; }

    /// <summary>How many attachments were outside the target when the migration started.</summary>
    public required long Total { get; init; }

    /// <summary>How many were copied, verified (length and SHA-256) and switched to the target.</summary>
    public required long Moved { get; init; }

    /// <summary>How many could not be moved this time (they stay readable where they are; run the migration again).</summary>
    public required long Failed { get; init; }

    /// <summary>How many moved but whose old copy could not be deleted from the source store.</summary>
    public required long SourceLeft { get; init; }

    /// <summary>The first failures: attachment id and a stable code with a message.</summary>
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
