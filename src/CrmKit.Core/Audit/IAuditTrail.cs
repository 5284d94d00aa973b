using CrmKit.Sdk.Security;

namespace CrmKit.Core.Audit;

/// <summary>
/// Reads the audit trail. The trail itself is written by the records service in the transaction of each change and
/// cannot be changed through any API; entries older than the retention are pruned.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The history of one record, newest first, as <paramref name="principal"/> may see it.</summary>
    /// <param name="principal">The viewer: a record outside its read scope does not exist for it (404); values of fields it may not read are masked.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="recordId">The record id (live or deleted).</param>
    /// <param name="before">Only entries older than this sequence number (from <see cref="AuditPage.Before"/>); null for the newest.</param>
    /// <param name="limit">The page size (1 to 200).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One page.</returns>
    Task<AuditPage> GetHistoryAsync(
        CrmPrincipal principal, string entity, Guid recordId, long? before = null, int limit = 50, CancellationToken cancellationToken = default);
}
