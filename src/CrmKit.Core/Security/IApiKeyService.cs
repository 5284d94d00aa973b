using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>
/// API keys: made for an account (one's own, or anyone's with <see cref="CrmPrivileges.SecurityManage"/>), stored as a
/// hash, scoped (<see cref="ApiKeyScopes"/>), expiring and revocable.
/// </summary>
public interface IApiKeyService
{
    /// <summary>Makes a key from <c>{name, userId?, scopes?, expiresAt?}</c> (userId defaults to the caller).</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key, whose secret is shown only now.</returns>
    Task<CreatedApiKey> CreateAsync(CrmPrincipal principal, JsonObject request, CancellationToken cancellationToken = default);

    /// <summary>Lists keys: the caller's own, or those of <paramref name="userId"/> (everyone's when "*") with the privilege.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="userId">Whose keys; null for the caller's.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The keys, newest first.</returns>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CrmPrincipal principal, string? userId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key at once (on this node; other nodes within <see cref="SecurityOptions.ApiKeyCacheDuration"/>).</summary>
    /// <param name="principal">Who is acting: the key's account, or a holder of the privilege.</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked key.</returns>
    Task<ApiKeyInfo> RevokeAsync(CrmPrincipal principal, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Checks a presented key in constant time.</summary>
    /// <param name="key">The key as presented.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome.</returns>
    Task<ApiKeyAuthentication> AuthenticateAsync(string key, CancellationToken cancellationToken = default);
}
