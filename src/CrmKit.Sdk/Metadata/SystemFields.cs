namespace CrmKit.Sdk.Metadata;

/// <summary>The names of the fields every entity has and the host maintains.</summary>
public static class SystemFields
{
    /// <summary>The record id, a UUIDv7.</summary>
    public const string Id = "id";

    /// <summary>When the record was created (UTC).</summary>
    public const string CreatedAt = "created_at";

    /// <summary>Who created the record.</summary>
    public const string CreatedBy = "created_by";

    /// <summary>When the record last changed (UTC).</summary>
    public const string UpdatedAt = "updated_at";

    /// <summary>Who last changed the record.</summary>
    public const string UpdatedBy = "updated_by";

    /// <summary>The user responsible for the record.</summary>
    public const string OwnerId = "owner_id";

    /// <summary>The optimistic-concurrency version; it grows by one with every change.</summary>
    public const string Version = "version";

    /// <summary>When the record was deleted (soft delete); null while it is live.</summary>
    public const string DeletedAt = "deleted_at";

    /// <summary>All system field names, in document order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Id, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, OwnerId, Version, DeletedAt];

    /// <summary>Tells whether a name is a system field.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>True for a system field.</returns>
    public static bool Contains(string name) => All.Contains(name, StringComparer.Ordinal);
}
