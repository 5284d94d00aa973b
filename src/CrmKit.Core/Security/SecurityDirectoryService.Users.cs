using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

internal sealed partial class SecurityDirectoryService
{
    public IReadOnlyList<CrmUser> ListUsers() => [.. Directory.Users.Values.OrderBy(u => u.Id, StringComparer.Ordinal)];

    public CrmUser GetUser(string id) =>
        Directory.Users.TryGetValue(id, out var user) ? user : throw SecurityMessages.NotFound(SecurityObjects.User, id);

    public IReadOnlyList<string> TeamsOf(string id) => Directory.TeamsOf(id);

    public CrmUser? FindAccount(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Directory.Users.TryGetValue(subject, out var user) ? user : Directory.FindByExternalId(subject);
    }

    public Task<CrmUser> CreateUserAsync(CrmPrincipal principal, JsonObject document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ChangeAsync(principal, async session =>
        {
            var errors = new List<CrmError>();
            var user = UserDocuments.ReadUser(document, errors);
            CheckId(user.Id, errors);
            var users = await LoadUsersAsync(session, cancellationToken);
            await CheckUserAsync(session, user, users, errors, cancellationToken);
            if (errors.Count > 0)
            {
                throw SecurityMessages.Invalid(SecurityObjects.User, errors);
            }

            await WriteAsync(session, Stored(SecurityObjects.User, user.Id, UserDocuments.ToDocument(user), principal), 0, 0, cancellationToken);
            return await ReadUserAsync(session, user.Id, cancellationToken);
        }, cancellationToken);
    }

    public Task<CrmUser> UpdateUserAsync(
        CrmPrincipal principal, string id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(changes);
        return ChangeAsync(principal, async session =>
        {
            var current = await ReadUserAsync(session, id, cancellationToken);
            CheckVersion(SecurityObjects.User, id, current.Version, expectedVersion);
            var errors = new List<CrmError>();
            if (changes.ContainsKey("kind") && changes["kind"]?.ToString() != UserDocuments.ToDocument(current)["kind"]!.ToString())
            {
                errors.Add(SecurityMessages.Error("security.immutable", "/kind", "kind"));
            }

            var merged = Merge(UserDocuments.ToDocument(current), changes, id, errors);
            var user = UserDocuments.ReadUser(merged, errors);
            var users = await LoadUsersAsync(session, cancellationToken);
            users[id] = user;
            await CheckUserAsync(session, user, users, errors, cancellationToken);
            if (errors.Count > 0)
            {
                throw SecurityMessages.Invalid(SecurityObjects.User, errors);
            }

            if (!users.Values.Any(u => u.Active && u.Roles.Contains(BuiltInRoles.Administrator, StringComparer.Ordinal)))
            {
                throw SecurityMessages.Exception(CrmErrorKind.Conflict, "user.last_administrator", id);
            }

            await WriteAsync(session, Stored(SecurityObjects.User, id, UserDocuments.ToDocument(user), principal),
                current.Version, current.Version, cancellationToken);
            return await ReadUserAsync(session, id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Roles must exist (and not be the host's); an external id belongs to one account.</summary>
    private static async Task CheckUserAsync(
        ICrmStoreSession session, CrmUser user, Dictionary<string, CrmUser> users, List<CrmError> errors, CancellationToken cancellationToken)
    {
        var roles = (await session.ListSecurityObjectsAsync(SecurityObjects.Role, cancellationToken)).Select(r => r.Id)
            .Append(BuiltInRoles.Administrator).ToHashSet(StringComparer.Ordinal);
        foreach (var role in user.Roles)
        {
            if (role == BuiltInRoles.System)
            {
                errors.Add(SecurityMessages.Error("user.system_role", "/roles"));
            }
            else if (!roles.Contains(role))
            {
                errors.Add(SecurityMessages.Error("user.unknown_role", "/roles", role));
            }
        }

        if (user.ExternalId is { Length: > 0 } external &&
            users.Values.FirstOrDefault(u => u.Id != user.Id && u.ExternalId == external) is { } holder)
        {
            errors.Add(SecurityMessages.Error("user.external_id_taken", "/externalId", external, holder.Id));
        }
    }

    private static async Task<Dictionary<string, CrmUser>> LoadUsersAsync(ICrmStoreSession session, CancellationToken cancellationToken) =>
        (await session.ListSecurityObjectsAsync(SecurityObjects.User, cancellationToken))
            .Select(SecurityObjects.ToUser).ToDictionary(u => u.Id, StringComparer.Ordinal);

    private static async Task<CrmUser> ReadUserAsync(ICrmStoreSession session, string id, CancellationToken cancellationToken) =>
        await session.ReadSecurityObjectAsync(SecurityObjects.User, id, cancellationToken) is { } stored
            ? SecurityObjects.ToUser(stored)
            : throw SecurityMessages.NotFound(SecurityObjects.User, id);
}
