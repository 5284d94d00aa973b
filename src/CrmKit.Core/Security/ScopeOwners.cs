namespace CrmKit.Core.Security;

/// <summary>The owners an account's scopes cover: itself (own), and itself, its teammates and its teams (team).</summary>
internal sealed class ScopeOwners(string userId, IReadOnlySet<string> team)
{
    public string UserId { get; } = userId;

    public IReadOnlySet<string> Team { get; } = team;

    /// <summary>The team owners in a stable order, for a query's <c>owner_id in (...)</c>.</summary>
    public IReadOnlyList<object> TeamList { get; } = [.. team.Order(StringComparer.Ordinal)];

    public bool Covers(AccessScope scope, string? owner) => scope switch
    {
        AccessScope.All => true,
        AccessScope.Team => owner is not null && Team.Contains(owner),
        AccessScope.Own => owner is not null && string.Equals(owner, UserId, StringComparison.Ordinal),
        _ => false,
    };
}
