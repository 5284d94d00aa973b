using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>The default <see cref="IAccessControl"/>, over the cached security directory.</summary>
internal sealed class AccessControl(SecurityDirectoryCache directory, MetadataRegistry metadata) : IAccessControl
{
    /// <summary>The record access of a principal to one entity's records.</summary>
    public RecordAccess ForRecords(CrmPrincipal principal, string entity)
    {
        var snapshot = directory.Current;
        var profile = ProfileOf(snapshot, principal);
        return profile.IsUnrestricted
            ? new RecordAccess(entity, EntityAccess.Full, snapshot.OwnersOf(principal.UserId), unrestricted: true)
            : new RecordAccess(entity, profile.For(entity), snapshot.OwnersOf(principal.UserId), unrestricted: false);
    }

    public bool HasPrivilege(CrmPrincipal principal, string privilege)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return ProfileOf(directory.Current, principal).Privileges.Contains(privilege);
    }

    public void DemandPrivilege(CrmPrincipal principal, string privilege)
    {
        if (!HasPrivilege(principal, privilege))
        {
            throw SecurityMessages.PrivilegeRequired(privilege);
        }
    }

    public CrmPrincipal? PrincipalOf(string userId, CrmChannel channel)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return directory.Current.Users.TryGetValue(userId, out var user) && user.Active
            ? new CrmPrincipal(user.Id, user.DisplayName, user.Roles, channel)
            : null;
    }

    public JsonObject Describe(CrmPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var snapshot = directory.Current;
        var profile = ProfileOf(snapshot, principal);
        var entities = new JsonObject();
        foreach (var entity in metadata.All.Select(e => e.Definition).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var access = profile.For(entity.Name);
            var o = new JsonObject();
            foreach (var permission in Enum.GetValues<AccessRight>())
            {
                o[permission.ToString().ToLowerInvariant()] = RoleDocuments.Text(access.Scope(permission));
            }

            // Field access means something only where some operation is granted; system fields are never restricted.
            var fields = new JsonObject();
            var granted = Enum.GetValues<AccessRight>().Any(r => access.Scope(r) != AccessScope.None);
            foreach (var field in granted ? entity.Fields : [])
            {
                if (!Sdk.Metadata.SystemFields.Contains(field.Name) && access.Field(field.Name) is var fieldAccess and not FieldAccess.Writable)
                {
                    fields[field.Name] = RoleDocuments.Text(fieldAccess);
                }
            }

            o["fields"] = fields;
            entities[entity.Name] = o;
        }

        var user = snapshot.Users.GetValueOrDefault(principal.UserId);
        return new JsonObject
        {
            ["id"] = principal.UserId,
            ["displayName"] = principal.DisplayName,
            ["kind"] = user?.Kind == CrmUserKind.Service ? "service" : "user",
            ["channel"] = principal.Channel.ToString().ToLowerInvariant(),
            ["roles"] = new JsonArray([.. principal.Roles.Select(r => (JsonNode?)r)]),
            ["teams"] = new JsonArray([.. snapshot.TeamsOf(principal.UserId).Select(t => (JsonNode?)t)]),
            ["privileges"] = new JsonArray([.. profile.Privileges.Order(StringComparer.Ordinal).Select(p => (JsonNode?)p)]),
            ["unrestricted"] = profile.IsUnrestricted,
            ["entities"] = entities,
        };
    }

    /// <summary>The principal's compiled profile; a deactivated account gets nothing.</summary>
    private static AccessProfile ProfileOf(SecurityDirectory snapshot, CrmPrincipal principal) =>
        snapshot.Users.TryGetValue(principal.UserId, out var user) && !user.Active
            ? AccessProfile.Empty
            : snapshot.ProfileFor(principal.Roles);
}
