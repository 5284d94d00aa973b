namespace CrmKit.Core.Security;

/// <summary>A team: its members see each other's records under the <see cref="AccessScope.Team"/> scope.</summary>
public sealed class CrmTeam
{
    /// <summary>The immutable id; records may be owned by a team (<c>owner_id</c> set to it).</summary>
    public required string Id { get; init; }

    /// <summary>The name shown to people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The ids of the member accounts.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The stored version.</summary>
    public long Version { get; init; }

    /// <summary>When the team was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the team.</summary>
    public string UpdatedBy { get; init; } = "";
}
