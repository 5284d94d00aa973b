namespace CrmKit.Core.Security;

/// <summary>What one role grants on one entity (or on every entity it does not name, under <c>"*"</c>).</summary>
public sealed class EntityPermissions
{
    /// <summary>Whom the records it creates may be owned by.</summary>
    public AccessScope Create { get; init; }

    /// <summary>Which records it reads.</summary>
    public AccessScope Read { get; init; }

    /// <summary>Which records it changes.</summary>
    public AccessScope Update { get; init; }

    /// <summary>Which records it deletes and restores.</summary>
    public AccessScope Delete { get; init; }

    /// <summary>Which records it exports.</summary>
    public AccessScope Export { get; init; }

    /// <summary>
    /// Field-level security: the access to each named field; the key <c>"*"</c> sets the access to the fields not named.
    /// Fields not covered are <see cref="FieldAccess.Writable"/>.
    /// </summary>
    public IReadOnlyDictionary<string, FieldAccess> Fields { get; init; } = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);

    /// <summary>The scope of one operation.</summary>
    /// <param name="permission">The operation.</param>
    /// <returns>Its scope.</returns>
    public AccessScope ScopeOf(AccessRight permission) => permission switch
    {
        AccessRight.Create => Create,
        AccessRight.Read => Read,
        AccessRight.Update => Update,
        AccessRight.Delete => Delete,
        AccessRight.Export => Export,
        _ => AccessScope.None,
    };

    /// <summary>The access to a field under this grant.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The field's access.</returns>
    public FieldAccess FieldAccessOf(string field) =>
        Fields.TryGetValue(field, out var access) ? access
        : Fields.TryGetValue("*", out var fallback) ? fallback
        : FieldAccess.Writable;
}
