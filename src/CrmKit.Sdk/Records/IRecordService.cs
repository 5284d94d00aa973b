using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Records;

/// <summary>
/// Creates, reads, changes and queries records. Every write is validated against the entity's current schema and
/// passes the record pipeline; every call carries the acting principal. Failures are <see cref="Errors.CrmException"/>s.
/// </summary>
public interface IRecordService
{
    /// <summary>Creates records in one transaction: all are stored, or none.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="values">The field values of each record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored records, in input order.</returns>
    Task<IReadOnlyList<CrmRecord>> CreateAsync(
        CrmPrincipal principal, string entity, IReadOnlyList<JsonObject> values, CancellationToken cancellationToken = default);

    /// <summary>Reads a record.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="includeDeleted">Whether a deleted record is returned too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or null when it does not exist.</returns>
    Task<CrmRecord?> GetAsync(
        CrmPrincipal principal, string entity, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>Changes some fields of a record; a JSON null clears a field.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="expectedVersion">The version the caller read; a different current version is a conflict.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record.</returns>
    Task<CrmRecord> UpdateAsync(
        CrmPrincipal principal, string entity, Guid id, JsonObject changes, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record softly; it can be restored.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="expectedVersion">The version the caller read, if it wants the check.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deleted record.</returns>
    Task<CrmRecord> DeleteAsync(
        CrmPrincipal principal, string entity, Guid id, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Restores a deleted record.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The restored record.</returns>
    Task<CrmRecord> RestoreAsync(
        CrmPrincipal principal, string entity, Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a module-defined message (<see cref="Pipeline.IRecordMessageHandler"/>) to a record: the input is validated
    /// against the message's schema, then the pipeline runs with <see cref="Pipeline.RecordOperation.Message"/> and the
    /// handler in one transaction, together with the writes it makes.
    /// </summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="message">The message name, for example <c>lead.qualify</c>.</param>
    /// <param name="input">The message's input.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The handler's output; null when it returns none.</returns>
    Task<JsonObject?> SendMessageAsync(
        CrmPrincipal principal, string entity, Guid id, string message, JsonObject input, CancellationToken cancellationToken = default);

    /// <summary>Queries records with a filter, a sort, a projection and keyset paging.</summary>
    /// <param name="principal">Who is acting.</param>
    /// <param name="entity">The entity name.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One page of records.</returns>
    Task<RecordPage> QueryAsync(
        CrmPrincipal principal, string entity, RecordQuery query, CancellationToken cancellationToken = default);
}
