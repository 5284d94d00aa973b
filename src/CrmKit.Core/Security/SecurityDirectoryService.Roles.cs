using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

internal sealed partial class SecurityDirectoryService
{
    public IReadOnlyList<CrmRole> ListRoles() => [.. Directory.Roles.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    public CrmRole GetRole(string name) =>
        Directory.Roles.TryGetValue(name, out var role) ? role : throw SecurityMessages.NotFound(SecurityObjects.Role, name);

    public Task<CrmRole> SaveRoleAsync(
        CrmPrincipal principal, string name, JsonObject document, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(document);
        return ChangeAsync(principal, async session =>
        {
            RefuseBuiltIn(name);
            var errors = new List<CrmError>();
            if (!SecurityIds.IsValid(name))
            {
                errors.Add(SecurityMessages.Error("security.invalid_id", "/name", name));
            }

            if (document["name"] is { } given && given.ToString() != name)
            {
                errors.Add(SecurityMessages.Error("security.immutable", "/name", "name"));
            }

            var role = RoleDocuments.Read(name, document, errors);
            if (errors.Count > 0)
            {
                throw SecurityMessages.Invalid(SecurityObjects.Role, errors);
            }

            var stored = await session.ReadSecurityObjectAsync(SecurityObjects.Role, name, cancellationToken);
            var current = stored?.Version ?? 0;
            CheckVersion(SecurityObjects.Role, name, current, expectedVersion);
            await WriteAsync(session, Stored(SecurityObjects.Role, name, RoleDocuments.ToDocument(role), principal), current, current, cancellationToken);
            return SecurityObjects.ToRole((await session.ReadSecurityObjectAsync(SecurityObjects.Role, name, cancellationToken))!);
        }, cancellationToken);
    }

    public Task DeleteRoleAsync(CrmPrincipal principal, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ChangeAsync(principal, async session =>
        {
            RefuseBuiltIn(name);
            var stored = await session.ReadSecurityObjectAsync(SecurityObjects.Role, name, cancellationToken)
                ?? throw SecurityMessages.NotFound(SecurityObjects.Role, name);
            var holders = (await LoadUsersAsync(session, cancellationToken)).Values.Count(u => u.Roles.Contains(name, StringComparer.Ordinal));
            if (holders > 0)
            {
                throw SecurityMessages.Exception(CrmErrorKind.Conflict, "role.in_use", name, holders);
            }

            await session.DeleteSecurityObjectAsync(SecurityObjects.Role, name, stored.Version, cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static void RefuseBuiltIn(string name)
    {
        if (BuiltInRoles.IsUnrestricted(name))
        {
            throw SecurityMessages.Exception(CrmErrorKind.Conflict, "role.built_in", name);
        }
    }
}
