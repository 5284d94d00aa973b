namespace CrmKit.Core.Security;

/// <summary>An account of the security directory: a person or a service principal, with its roles.</summary>
public sealed class CrmUser
{
    /// <summary>
    /// The immutable id (lower-case letters, digits, '.', '_', '-'), used as <c>owner_id</c>, <c>created_by</c> and in
    /// the audit trail.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The name shown to people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The e-mail address, if any.</summary>
    public string? Email { get; init; }

    /// <summary>The subject an external identity provider puts in its tokens, when it differs from <see cref="Id"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>A person or a service principal.</summary>
    public CrmUserKind Kind { get; init; }

    /// <summary>The roles the account holds.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether the account may act; a deactivated one is refused everywhere but keeps its records and history.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The stored version.</summary>
    public long Version { get; init; }

    /// <summary>When the account was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the account.</summary>
    public string UpdatedBy { get; init; } = "";
}
