using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>
/// Answers what a principal may do: administrative privileges, its effective permissions, and the principal of a
/// directory account. Record permissions themselves are enforced inside <see cref="Sdk.Records.IRecordService"/>.
/// </summary>
public interface IAccessControl
{
    /// <summary>Whether the principal holds a privilege (<see cref="CrmPrivileges"/>).</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="privilege">The privilege.</param>
    /// <returns>True when one of its roles grants it (administrators hold all).</returns>
    bool HasPrivilege(CrmPrincipal principal, string privilege);

    /// <summary>Throws <c>access.privilege_required</c> (403) unless the principal holds the privilege.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="privilege">The privilege.</param>
    void DemandPrivilege(CrmPrincipal principal, string privilege);

    /// <summary>
    /// Describes the principal's effective access (<c>GET /api/me</c>): account, roles, teams, privileges and, per entity,
    /// each operation's scope and the fields that are hidden or read-only.
    /// </summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The description.</returns>
    JsonObject Describe(CrmPrincipal principal);

    /// <summary>
    /// The principal of a directory account with its current roles, acting through <paramref name="channel"/>.
    /// </summary>
    /// <param name="userId">The account id.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The principal; null when the account does not exist or is deactivated.</returns>
    CrmPrincipal? PrincipalOf(string userId, CrmChannel channel);
}
