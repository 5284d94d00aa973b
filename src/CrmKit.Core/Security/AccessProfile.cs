using System.Collections.Concurrent;

namespace CrmKit.Core.Security;

/// <summary>
/// The compiled permissions of one set of roles: per entity (computed once, then cached) and the privileges. Immutable
/// and shared by every principal holding exactly these roles.
/// </summary>
internal sealed class AccessProfile
{
    private readonly IReadOnlyList<CrmRole> _roles;
    private readonly ConcurrentDictionary<string, EntityAccess> _entities = new(StringComparer.Ordinal);

    private AccessProfile(IReadOnlyList<CrmRole> roles, bool unrestricted)
    {
        _roles = roles;
        IsUnrestricted = unrestricted;
        Privileges = unrestricted
            ? CrmPrivileges.All.ToHashSet(StringComparer.Ordinal)
            : roles.SelectMany(r => r.Privileges).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The administrator's and the host's profile.</summary>
    public static AccessProfile Unrestricted { get; } = new([], unrestricted: true);

    /// <summary>No roles at all.</summary>
    public static AccessProfile Empty { get; } = new([], unrestricted: false);

    public bool IsUnrestricted { get; }

    public IReadOnlySet<string> Privileges { get; }

    public static AccessProfile For(IReadOnlyList<CrmRole> roles) =>
        roles.Any(r => BuiltInRoles.IsUnrestricted(r.Name)) ? Unrestricted : roles.Count == 0 ? Empty : new AccessProfile(roles, false);

    public EntityAccess For(string entity) =>
        IsUnrestricted ? EntityAccess.Full : _entities.GetOrAdd(entity, Compile);

    private EntityAccess Compile(string entity)
    {
        var grants = new List<EntityPermissions>(_roles.Count);
        foreach (var role in _roles)
        {
            // A grant without any scope (say "deal": {}) gives nothing, so its field defaults must not reopen fields
            // that the roles which do grant access hide.
            if (role.For(entity) is { } grant && Enum.GetValues<AccessRight>().Any(r => grant.ScopeOf(r) != AccessScope.None))
            {
                grants.Add(grant);
            }
        }

        return EntityAccess.Combine(grants);
    }
}
