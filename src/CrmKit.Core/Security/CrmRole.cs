namespace CrmKit.Core.Security;

/// <summary>
/// A role: record permissions per entity, each with a scope, field-level security, and administrative privileges.
/// A user holding several roles gets the union: the widest scope of each operation and the most open access of each field.
/// </summary>
public sealed class CrmRole
{
    /// <summary>The role's name (its id): lower-case letters, digits, '_', '-' and '.'.</summary>
    public required string Name { get; init; }

    /// <summary>The role's title by language (<c>en</c>, <c>ru</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What the role is for.</summary>
    public string? Description { get; init; }

    /// <summary>The administrative privileges (<see cref="CrmPrivileges"/>).</summary>
    public IReadOnlyList<string> Privileges { get; init; } = [];

    /// <summary>The grants by entity name; <c>"*"</c> applies to the entities not named.</summary>
    public IReadOnlyDictionary<string, EntityPermissions> Entities { get; init; } =
        new Dictionary<string, EntityPermissions>(StringComparer.Ordinal);

    /// <summary>Whether CrmKit defines the role itself (see <see cref="BuiltInRoles"/>).</summary>
    public bool BuiltIn { get; init; }

    /// <summary>The stored version (0 for built-in roles).</summary>
    public long Version { get; init; }

    /// <summary>When the role was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the role.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>The grant that applies to an entity: its own, else the <c>"*"</c> one, else none.</summary>
    /// <param name="entity">The entity name.</param>
    /// <returns>The grant, or null.</returns>
    public EntityPermissions? For(string entity) =>
        Entities.TryGetValue(entity, out var grant) ? grant : Entities.GetValueOrDefault("*");
}
