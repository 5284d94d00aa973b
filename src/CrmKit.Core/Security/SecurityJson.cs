using System.Text.Json.Nodes;

namespace CrmKit.Core.Security;

/// <summary>The JSON shapes of the security directory, as the REST API answers them (docs/security.md).</summary>
public static class SecurityJson
{
    /// <summary>An account: <c>{id, displayName, email, externalId, kind, roles, active, teams, version, updatedAt, updatedBy}</c>.</summary>
    /// <param name="user">The account.</param>
    /// <param name="teams">The teams it belongs to.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject User(CrmUser user, IEnumerable<string> teams) => UserDocuments.ToJson(user, teams);

    /// <summary>A team: <c>{id, displayName, members, version, updatedAt, updatedBy}</c>.</summary>
    /// <param name="team">The team.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Team(CrmTeam team) => UserDocuments.ToJson(team);

    /// <summary>A role: <c>{name, labels, description, privileges, entities, builtIn, version, ...}</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Role(CrmRole role) => RoleDocuments.ToJson(role);

    /// <summary>An API key, without its secret.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject ApiKey(ApiKeyInfo key) => ApiKeyDocuments.ToJson(key);
}
