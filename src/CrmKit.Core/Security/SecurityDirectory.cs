using System.Collections.Concurrent;

namespace CrmKit.Core.Security;

/// <summary>
/// One consistent snapshot of the security directory: accounts, teams, roles (the built-in ones included), with the
/// derived lookups the access checks need — compiled profiles per role set and each account's team scope — built
/// lazily and cached for the snapshot's life. A change makes a new snapshot.
/// </summary>
internal sealed class SecurityDirectory
{
    private readonly Dictionary<string, List<string>> _teamsOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessProfile> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScopeOwners> _owners = new(StringComparer.Ordinal);
    private Dictionary<string, CrmUser>? _byExternalId;

    public SecurityDirectory(long revision, IEnumerable<CrmUser> users, IEnumerable<CrmTeam> teams, IEnumerable<CrmRole> roles)
    {
        Revision = revision;
        Users = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Teams = teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var all = roles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var builtIn in BuiltInRoleDefinitions.All)
        {
            all[builtIn.Name] = builtIn;
        }

        Roles = all;
        foreach (var team in Teams.Values)
        {
            foreach (var member in team.Members)
            {
                if (!_teamsOf.TryGetValue(member, out var list))
                {
                    _teamsOf[member] = list = [];
                }

                list.Add(team.Id);
            }
        }
    }

    public static SecurityDirectory Empty { get; } = new(0, [], [], []);

    public long Revision { get; }

    public IReadOnlyDictionary<string, CrmUser> Users { get; }

    public IReadOnlyDictionary<string, CrmTeam> Teams { get; }

    public IReadOnlyDictionary<string, CrmRole> Roles { get; }

    /// <summary>The account with an external id (a token subject), if any.</summary>
    public CrmUser? FindByExternalId(string externalId) =>
        (_byExternalId ??= Users.Values.Where(u => u.ExternalId is { Length: > 0 })
            .GroupBy(u => u.ExternalId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
        .GetValueOrDefault(externalId);

    /// <summary>The teams an account belongs to, ordered by id.</summary>
    public IReadOnlyList<string> TeamsOf(string userId) =>
        _teamsOf.TryGetValue(userId, out var teams) ? teams.Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The compiled profile of a role set (unknown role names grant nothing).</summary>
    public AccessProfile ProfileFor(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return AccessProfile.Empty;
        }

        foreach (var role in roles)
        {
            if (BuiltInRoles.IsUnrestricted(role))
            {
                return AccessProfile.Unrestricted;
            }
        }

        var key = roles.Count == 1 ? roles[0] : string.Join('\n', roles.Order(StringComparer.Ordinal));
        if (_profiles.TryGetValue(key, out var profile))
        {
            return profile;
        }

        return _profiles.GetOrAdd(key, AccessProfile.For([.. roles.Select(r => Roles.GetValueOrDefault(r)).OfType<CrmRole>()]));
    }

    /// <summary>Who counts as "own" and "team" for an account.</summary>
    public ScopeOwners OwnersOf(string userId) =>
        _owners.TryGetValue(userId, out var owners) ? owners : _owners.GetOrAdd(userId, MakeOwners(userId));

    private ScopeOwners MakeOwners(string id)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal) { id };
        if (_teamsOf.TryGetValue(id, out var teams))
        {
            foreach (var team in teams)
            {
                owners.Add(team);
                owners.UnionWith(Teams[team].Members);
            }
        }

        return new ScopeOwners(id, owners);
    }
}
