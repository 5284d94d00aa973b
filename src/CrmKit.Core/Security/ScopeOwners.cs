namespace CrmKit.Core.Security;

/// <summary>The owners an account's scopes cover: itself (own), and itself, its teammates and its teams (team).</summary>
internal sealed class ScopeOwners(string userId, IReadOnlySet<string> team)
{
    public string UserId { get; } = userId;

    public IReadOnlySet<string> Team { get; } = team;

    private static readonly Query.FieldReference OwnerField = new(Sdk.Metadata.SystemFields.OwnerId, Sdk.Fields.FieldValueKind.Text, IsSystem: true);

    /// <summary>The team owners in a stable order, for a query's <c>owner_id in (...)</c>.</summary>
    public IReadOnlyList<object> TeamList { get; } = [.. team.Order(StringComparer.Ordinal)];

    /// <summary>The filter of the own scope: <c>owner_id eq '&lt;user&gt;'</c> (made once, filters are immutable).</summary>
    public Query.FilterNode OwnFilter { get; } = new Query.ComparisonFilter(OwnerField, Query.ComparisonOperator.Eq, userId);

    /// <summary>The filter of the team scope: <c>owner_id in (...)</c>; the own filter when the caller is in no team.</summary>
    public Query.FilterNode TeamFilter => _teamFilter ??= Team.Count == 1 ? OwnFilter : new Query.InFilter(OwnerField, TeamList);

    private Query.FilterNode? _teamFilter;

    public bool Covers(AccessScope scope, string? owner) => scope switch
    {
        AccessScope.All => true,
        AccessScope.Team => owner is not null && Team.Contains(owner),
        AccessScope.Own => owner is not null && string.Equals(owner, UserId, StringComparison.Ordinal),
        _ => false,
    };
}
