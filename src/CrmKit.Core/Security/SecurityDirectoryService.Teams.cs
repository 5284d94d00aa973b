using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

internal sealed partial class SecurityDirectoryService
{
    public IReadOnlyList<CrmTeam> ListTeams() => [.. Directory.Teams.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    public CrmTeam GetTeam(string id) =>
        Directory.Teams.TryGetValue(id, out var team) ? team : throw SecurityMessages.NotFound(SecurityObjects.Team, id);

    public Task<CrmTeam> CreateTeamAsync(CrmPrincipal principal, JsonObject document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ChangeAsync(principal, async session =>
        {
            var errors = new List<CrmError>();
            var team = UserDocuments.ReadTeam(document, errors);
            CheckId(team.Id, errors);
            await CheckMembersAsync(session, team, errors, cancellationToken);
            if (errors.Count > 0)
            {
                throw SecurityMessages.Invalid(SecurityObjects.Team, errors);
            }

            await WriteAsync(session, Stored(SecurityObjects.Team, team.Id, UserDocuments.ToDocument(team), principal), 0, 0, cancellationToken);
            return await ReadTeamAsync(session, team.Id, cancellationToken);
        }, cancellationToken);
    }

    public Task<CrmTeam> UpdateTeamAsync(
        CrmPrincipal principal, string id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(changes);
        return ChangeAsync(principal, async session =>
        {
            var current = await ReadTeamAsync(session, id, cancellationToken);
            CheckVersion(SecurityObjects.Team, id, current.Version, expectedVersion);
            var errors = new List<CrmError>();
            var team = UserDocuments.ReadTeam(Merge(UserDocuments.ToDocument(current), changes, id, errors), errors);
            await CheckMembersAsync(session, team, errors, cancellationToken);
            if (errors.Count > 0)
            {
                throw SecurityMessages.Invalid(SecurityObjects.Team, errors);
            }

            await WriteAsync(session, Stored(SecurityObjects.Team, id, UserDocuments.ToDocument(team), principal),
                current.Version, current.Version, cancellationToken);
            return await ReadTeamAsync(session, id, cancellationToken);
        }, cancellationToken);
    }

    public Task DeleteTeamAsync(CrmPrincipal principal, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ChangeAsync(principal, async session =>
        {
            var current = await ReadTeamAsync(session, id, cancellationToken);
            await session.DeleteSecurityObjectAsync(SecurityObjects.Team, id, current.Version, cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static async Task CheckMembersAsync(ICrmStoreSession session, CrmTeam team, List<CrmError> errors, CancellationToken cancellationToken)
    {
        var users = (await session.ListSecurityObjectsAsync(SecurityObjects.User, cancellationToken)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < team.Members.Count; i++)
        {
            if (!users.Contains(team.Members[i]))
            {
                errors.Add(SecurityMessages.Error("team.unknown_member", "/members/" + i, team.Members[i]));
            }
        }
    }

    private static async Task<CrmTeam> ReadTeamAsync(ICrmStoreSession session, string id, CancellationToken cancellationToken) =>
        await session.ReadSecurityObjectAsync(SecurityObjects.Team, id, cancellationToken) is { } stored
            ? SecurityObjects.ToTeam(stored)
            : throw SecurityMessages.NotFound(SecurityObjects.Team, id);
}
