namespace CrmKit.Sdk.Security;

/// <summary>
/// The identity on whose behalf an operation runs. Every call into the records and metadata services carries one,
/// so that permissions can be enforced in Core on every path, not only at the HTTP edge.
/// </summary>
public sealed class CrmPrincipal
{
    /// <summary>The principal the host uses for its own work (seeding, maintenance).</summary>
    public static CrmPrincipal System { get; } = new("system", "System", ["system"], CrmChannel.System);

    /// <summary>Creates a principal.</summary>
    /// <param name="userId">A stable identifier of the user or service principal.</param>
    /// <param name="displayName">A human-readable name.</param>
    /// <param name="roles">The roles the principal holds.</param>
    /// <param name="channel">The path the operation came through.</param>
    public CrmPrincipal(string userId, string displayName, IReadOnlyList<string> roles, CrmChannel channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        DisplayName = displayName ?? userId;
        Roles = roles ?? [];
        Channel = channel;
    }

    /// <summary>A stable identifier of the user or service principal.</summary>
    public string UserId { get; }

    /// <summary>A human-readable name.</summary>
    public string DisplayName { get; }

    /// <summary>The roles the principal holds.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The path the operation came through.</summary>
    public CrmChannel Channel { get; }

    /// <summary>Returns the same identity acting through another channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>A principal that differs only in <see cref="Channel"/>.</returns>
    public CrmPrincipal WithChannel(CrmChannel channel) => new(UserId, DisplayName, Roles, channel);

    /// <inheritdoc />
    public override string ToString() => $"{UserId} via {Channel}";
}
