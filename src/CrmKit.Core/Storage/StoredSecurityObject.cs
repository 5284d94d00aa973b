namespace CrmKit.Core.Storage;

/// <summary>
/// One object of the security directory as a store keeps it (table <c>crm_security</c>): a user, a team, a role or an
/// API key, as a JSON document under its kind and id, written with a compare-and-set on its version.
/// </summary>
public sealed class StoredSecurityObject
{
    /// <summary>The kind: <c>user</c>, <c>team</c>, <c>role</c> or <c>api_key</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The id, unique within the kind.</summary>
    public required string Id { get; init; }

    /// <summary>The document as JSON text.</summary>
    public required string Document { get; init; }

    /// <summary>The version: 1 when created, one more with every write.</summary>
    public long Version { get; init; }

    /// <summary>When the object was last written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last wrote the object.</summary>
    public required string UpdatedBy { get; init; }
}
