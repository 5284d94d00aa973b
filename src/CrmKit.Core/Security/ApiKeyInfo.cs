namespace CrmKit.Core.Security;

/// <summary>An API key as CrmKit shows it: never its secret, which is stored only as a hash.</summary>
public sealed class ApiKeyInfo
{
    /// <summary>The key's public id (the part after <c>crmk_</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The account the key acts as.</summary>
    public required string UserId { get; init; }

    /// <summary>What the key is for.</summary>
    public required string Name { get; init; }

    /// <summary>What the key may do (<see cref="ApiKeyScopes"/>), within what its account may do.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>When the key was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who made the key.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the key stops working, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When the key was last used (written at most every few minutes).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>The stored version.</summary>
    public long Version { get; init; }
}
