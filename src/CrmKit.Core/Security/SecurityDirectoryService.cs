using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Security;

/// <summary>
/// The default <see cref="ISecurityDirectoryService"/>. Reads come from the cached directory; each change validates
/// against the stored state inside its write transaction, bumps the security revision in the same transaction (so other
/// nodes reload) and reloads this node's cache before returning.
/// </summary>
internal sealed partial class SecurityDirectoryService(
    ICrmStore store, SecurityDirectoryCache cache, IAccessControl access, TimeProvider clock) : ISecurityDirectoryService
{
    private static readonly string[] ReservedIds = ["system", "anonymous", "host"];

    private SecurityDirectory Directory => cache.Current;

    /// <summary>Runs a change in a write transaction with the revision bump, then reloads the cache.</summary>
    private async Task<T> ChangeAsync<T>(
        CrmPrincipal principal, Func<ICrmStoreSession, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        access.DemandPrivilege(principal, CrmPrivileges.SecurityManage);
        T result;
        await using (var session = await store.BeginAsync(write: true, cancellationToken))
        {
            result = await change(session);
            await session.IncrementSecurityRevisionAsync(cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        await cache.RefreshAsync(force: true, cancellationToken);
        return result;
    }

    private StoredSecurityObject Stored(string kind, string id, JsonObject document, CrmPrincipal principal) => new()
    {
        Kind = kind,
        Id = id,
        Document = document.ToJsonString(),
        UpdatedAt = clock.GetUtcNow(),
        UpdatedBy = principal.UserId,
    };

    private static async Task WriteAsync(
        ICrmStoreSession session, StoredSecurityObject entry, long expectedVersion, long currentVersion, CancellationToken cancellationToken)
    {
        try
        {
            await session.WriteSecurityObjectAsync(entry, expectedVersion, cancellationToken);
        }
        catch (SecurityObjectConcurrencyException) when (expectedVersion == 0)
        {
            throw SecurityMessages.Exists(entry.Kind, entry.Id);
        }
        catch (SecurityObjectConcurrencyException)
        {
            throw SecurityMessages.VersionConflict(entry.Kind, entry.Id, currentVersion, expectedVersion);
        }
    }

    private static void CheckVersion(string kind, string id, long current, long? expected)
    {
        if (expected is { } e && e != current)
        {
            throw SecurityMessages.VersionConflict(kind, id, current, e);
        }
    }

    private static void CheckId(string? id, List<CrmError> errors)
    {
        if (id is not null && ReservedIds.Contains(id, StringComparer.Ordinal))
        {
            errors.Add(SecurityMessages.Error("security.reserved_id", "/id", id));
        }
    }

    /// <summary>Applies a patch to a stored document: each member given replaces the stored one; "id" must not change.</summary>
    private static JsonObject Merge(JsonObject stored, JsonObject changes, string id, List<CrmError> errors)
    {
        var merged = (JsonObject)stored.DeepClone();
        foreach (var (name, value) in changes)
        {
            if (name == "id")
            {
                if (value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String || v.GetValue<string>() != id)
                {
                    errors.Add(SecurityMessages.Error("security.immutable", "/id", "id"));
                }

                continue;
            }

            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}
