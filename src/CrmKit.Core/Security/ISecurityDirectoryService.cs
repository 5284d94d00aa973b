using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>
/// Manages the security directory: accounts (people and service principals), teams and roles, stored in the database.
/// Reading is open to every principal (to pick owners and teammates); changing needs
/// <see cref="CrmPrivileges.SecurityManage"/>. Documents are validated with JSON pointers to each problem
/// (<c>security.invalid</c>, 422); versions guard against lost updates (<c>security.version_conflict</c>, 409).
/// </summary>
public interface ISecurityDirectoryService
{
    /// <summary>Every account, ordered by id.</summary>
    /// <returns>The accounts.</returns>
    IReadOnlyList<CrmUser> ListUsers();

    /// <summary>An account (<c>security.not_found</c>, 404, when missing).</summary>
    /// <param name="id">The account id.</param>
    /// <returns>The account.</returns>
    CrmUser GetUser(string id);

    /// <summary>The account an identity provider's subject names: the one with that id, else the one with that <c>externalId</c>.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The account, or null.</returns>
    CrmUser? FindAccount(string subject);

    /// <summary>The teams an account belongs to, ordered by id.</summary>
    /// <param name="id">The account id.</param>
    /// <returns>The team ids.</returns>
    IReadOnlyList<string> TeamsOf(string id);

    /// <summary>Creates an account from <c>{id, displayName, email?, externalId?, kind?, roles?, active?}</c>.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="document">The account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored account.</returns>
    Task<CrmUser> CreateUserAsync(CrmPrincipal principal, JsonObject document, CancellationToken cancellationToken = default);

    /// <summary>Changes an account: the members given replace the stored ones (<c>active: false</c> deactivates it).</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="id">The account id.</param>
    /// <param name="changes">The members to change.</param>
    /// <param name="expectedVersion">The version the caller read, if it wants the check.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored account.</returns>
    Task<CrmUser> UpdateUserAsync(
        CrmPrincipal principal, string id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Every team, ordered by id.</summary>
    /// <returns>The teams.</returns>
    IReadOnlyList<CrmTeam> ListTeams();

    /// <summary>A team (<c>security.not_found</c>, 404, when missing).</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The team.</returns>
    CrmTeam GetTeam(string id);

    /// <summary>Creates a team from <c>{id, displayName, members?}</c>.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="document">The team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored team.</returns>
    Task<CrmTeam> CreateTeamAsync(CrmPrincipal principal, JsonObject document, CancellationToken cancellationToken = default);

    /// <summary>Changes a team: the members given replace the stored ones.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="id">The team id.</param>
    /// <param name="changes">The members to change.</param>
    /// <param name="expectedVersion">The version the caller read, if it wants the check.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored team.</returns>
    Task<CrmTeam> UpdateTeamAsync(
        CrmPrincipal principal, string id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a team; records it owned keep their <c>owner_id</c>.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="id">The team id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task DeleteTeamAsync(CrmPrincipal principal, string id, CancellationToken cancellationToken = default);

    /// <summary>Every role, the built-in ones included, ordered by name.</summary>
    /// <returns>The roles.</returns>
    IReadOnlyList<CrmRole> ListRoles();

    /// <summary>A role (<c>security.not_found</c>, 404, when missing).</summary>
    /// <param name="name">The role name.</param>
    /// <returns>The role.</returns>
    CrmRole GetRole(string name);

    /// <summary>Creates or replaces a role (docs/security.md shows the document).</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="name">The role name.</param>
    /// <param name="document">The role document.</param>
    /// <param name="expectedVersion">0 to create only; the version the caller read to replace only that; null for either.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored role.</returns>
    Task<CrmRole> SaveRoleAsync(
        CrmPrincipal principal, string name, JsonObject document, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a role no account holds (<c>role.in_use</c>, 409, otherwise).</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="name">The role name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task DeleteRoleAsync(CrmPrincipal principal, string name, CancellationToken cancellationToken = default);
}
