using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Security;

/// <summary>The default <see cref="IApiKeyService"/>, with a short per-node cache of checked keys.</summary>
internal sealed class ApiKeyService(
    ICrmStore store, SecurityDirectoryCache directory, IAccessControl access, IOptions<SecurityOptions> options, TimeProvider clock)
    : IApiKeyService
{
    private readonly ConcurrentDictionary<string, (ApiKeyInfo Info, string Hash, DateTimeOffset Fetched)> _cache = new(StringComparer.Ordinal);

    public async Task<CreatedApiKey> CreateAsync(CrmPrincipal principal, JsonObject request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<CrmError>();
        var reader = new DocumentReader(request, errors);
        reader.RefuseUnknown("name", "userId", "scopes", "expiresAt");
        var name = reader.String("name", required: true) ?? "";
        var userId = reader.Id("userId", required: false) ?? principal.UserId;
        var scopes = reader.Strings("scopes") ?? [ApiKeyScopes.All];
        if (scopes.Count == 0)
        {
            errors.Add(SecurityMessages.Error("apikey.no_scope", "/scopes"));
        }

        foreach (var scope in scopes.Where(s => !ApiKeyScopes.Known.Contains(s)))
        {
            errors.Add(SecurityMessages.Error("apikey.invalid_scope", "/scopes", scope));
        }

        DateTimeOffset? expiresAt = null;
        if (reader.String("expiresAt") is { } expiry)
        {
            if (!DateTimeOffset.TryParse(expiry, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                errors.Add(SecurityMessages.Error("apikey.invalid_expiry", "/expiresAt"));
            }
            else if (parsed <= clock.GetUtcNow())
            {
                errors.Add(SecurityMessages.Error("apikey.expiry_past", "/expiresAt"));
            }
            else
            {
                expiresAt = parsed.ToUniversalTime();
            }
        }

        if (userId != principal.UserId)
        {
            access.DemandPrivilege(principal, CrmPrivileges.SecurityManage);
        }

        if (!directory.Current.Users.TryGetValue(userId, out var user) || !user.Active)
        {
            errors.Add(SecurityMessages.Error("apikey.account_inactive", "/userId", userId));
        }

        if (errors.Count > 0)
        {
            throw SecurityMessages.Invalid(SecurityObjects.ApiKey, errors);
        }

        var (id, secret, key) = ApiKeyFormat.New();
        var info = await StoreAsync(id, secret, userId, name, scopes, expiresAt, principal.UserId, cancellationToken);
        return new CreatedApiKey(info, key);
    }

    /// <summary>Stores a key whose secret is known (a new one, or the configured bootstrap key).</summary>
    internal async Task<ApiKeyInfo> StoreAsync(
        string id, string secret, string userId, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, string createdBy,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var info = new ApiKeyInfo
        {
            Id = id, UserId = userId, Name = name, Scopes = scopes, CreatedAt = now, CreatedBy = createdBy, ExpiresAt = expiresAt, Version = 1,
        };
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await session.WriteSecurityObjectAsync(Stored(info, ApiKeyFormat.Hash(secret), createdBy), 0, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return info;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CrmPrincipal principal, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        userId ??= principal.UserId;
        if (userId != principal.UserId)
        {
            access.DemandPrivilege(principal, CrmPrivileges.SecurityManage);
        }

        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var keys = await session.ListSecurityObjectsAsync(SecurityObjects.ApiKey, cancellationToken);
        return [.. keys.Select(k => ApiKeyDocuments.Read(k).Info)
            .Where(k => userId == "*" || k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt)];
    }

    public async Task<ApiKeyInfo> RevokeAsync(CrmPrincipal principal, string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(keyId);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var stored = await session.ReadSecurityObjectAsync(SecurityObjects.ApiKey, keyId, cancellationToken);
        if (stored is null)
        {
            throw SecurityMessages.NotFound(SecurityObjects.ApiKey, keyId);
        }

        var (info, hash) = ApiKeyDocuments.Read(stored);
        if (info.UserId != principal.UserId && !access.HasPrivilege(principal, CrmPrivileges.SecurityManage))
        {
            // Someone else's key does not exist for a caller who may not manage it.
            throw SecurityMessages.NotFound(SecurityObjects.ApiKey, keyId);
        }

        var revoked = Copy(info, revokedAt: info.RevokedAt ?? clock.GetUtcNow(), lastUsedAt: info.LastUsedAt, version: info.Version + 1);
        await session.WriteSecurityObjectAsync(Stored(revoked, hash, principal.UserId), info.Version, cancellationToken);
        await session.CommitAsync(cancellationToken);
        _cache.TryRemove(keyId, out _);
        return revoked;
    }

    public async Task<ApiKeyAuthentication> AuthenticateAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyFormat.TryParse(key, out var id, out var secret))
        {
            return new ApiKeyAuthentication(ApiKeyStatus.Invalid, null, null);
        }

        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(id, out var entry) || now - entry.Fetched > options.Value.ApiKeyCacheDuration)
        {
            await using var session = await store.BeginAsync(write: false, cancellationToken);
            var stored = await session.ReadSecurityObjectAsync(SecurityObjects.ApiKey, id, cancellationToken);
            if (stored is null)
            {
                _cache.TryRemove(id, out _);
                return new ApiKeyAuthentication(ApiKeyStatus.Invalid, null, null);
            }

            var (info, hash) = ApiKeyDocuments.Read(stored);
            entry = (info, hash, now);
            _cache[id] = entry;
        }

        if (!ApiKeyFormat.Matches(secret, entry.Hash))
        {
            return new ApiKeyAuthentication(ApiKeyStatus.Invalid, null, null);
        }

        var key2 = entry.Info;
        if (key2.RevokedAt is not null)
        {
            return new ApiKeyAuthentication(ApiKeyStatus.Revoked, null, key2);
        }

        if (key2.ExpiresAt is { } expires && expires <= now)
        {
            return new ApiKeyAuthentication(ApiKeyStatus.Expired, null, key2);
        }

        if (!directory.Current.Users.TryGetValue(key2.UserId, out var user) || !user.Active)
        {
            return new ApiKeyAuthentication(ApiKeyStatus.AccountInactive, null, key2);
        }

        if (key2.LastUsedAt is null || now - key2.LastUsedAt > options.Value.ApiKeyLastUsedInterval)
        {
            await TouchAsync(key2, entry.Hash, now, cancellationToken);
        }

        return new ApiKeyAuthentication(ApiKeyStatus.Valid, user, key2);
    }

    /// <summary>Writes the "last used" time; losing the race to another request or node is fine.</summary>
    private async Task TouchAsync(ApiKeyInfo key, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touched = Copy(key, key.RevokedAt, now, key.Version + 1);
        try
        {
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            await session.WriteSecurityObjectAsync(Stored(touched, hash, key.UserId), key.Version, cancellationToken);
            await session.CommitAsync(cancellationToken);
            _cache[key.Id] = (touched, hash, now);
        }
        catch (SecurityObjectConcurrencyException)
        {
            _cache.TryRemove(key.Id, out _);
        }
    }

    private StoredSecurityObject Stored(ApiKeyInfo info, string hash, string by) => new()
    {
        Kind = SecurityObjects.ApiKey,
        Id = info.Id,
        Document = ApiKeyDocuments.ToDocument(info, hash).ToJsonString(),
        UpdatedAt = clock.GetUtcNow(),
        UpdatedBy = by,
    };

    private static ApiKeyInfo Copy(ApiKeyInfo key, DateTimeOffset? revokedAt, DateTimeOffset? lastUsedAt, long version) => new()
    {
        Id = key.Id, UserId = key.UserId, Name = key.Name, Scopes = key.Scopes, CreatedAt = key.CreatedAt, CreatedBy = key.CreatedBy,
        ExpiresAt = key.ExpiresAt, RevokedAt = revokedAt, LastUsedAt = lastUsedAt, Version = version,
    };
}
