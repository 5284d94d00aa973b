using CrmKit.Core.Query;

namespace CrmKit.Core.Storage;

/// <summary>
/// One transaction against a store. Record tables are per entity; field values are one JSON document per record;
/// indexed and unique fields get expression indexes. Disposing without committing rolls back. After a store
/// exception the session must not be used again (some providers abort the transaction): dispose it.
/// </summary>
public partial interface ICrmStoreSession : IAsyncDisposable
{
    /// <summary>Commits the transaction.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Loads the current schema version of every entity.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One schema per entity.</returns>
    Task<IReadOnlyList<StoredSchema>> LoadSchemasAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the current schema version of one entity: what a write checks, inside its transaction, against the
    /// version it validated with (another node sharing the database may have changed the entity since).
    /// </summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current version, or null when the entity does not exist.</returns>
    Task<long?> GetSchemaVersionAsync(string entity, CancellationToken cancellationToken);

    /// <summary>Reads the current schema version of every entity, without the schemas: a cheap poll for changes.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Entity name to current version.</returns>
    Task<IReadOnlyDictionary<string, long>> GetSchemaVersionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new schema version and makes it current. The version must be one more than the current one
    /// (1 for a new entity); otherwise <see cref="MetadataConcurrencyException"/> is thrown.
    /// </summary>
    /// <param name="schema">The new version.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SaveSchemaAsync(StoredSchema schema, CancellationToken cancellationToken);

    /// <summary>Lists every version of an entity's schema, oldest first.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions.</returns>
    Task<IReadOnlyList<StoredSchema>> GetSchemaHistoryAsync(string entity, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the entity's table and indexes match the model: creates the table when missing, creates the indexes of
    /// indexed and unique fields, and drops the indexes of fields no longer indexed. Never rewrites the table.
    /// Making a field unique while live records share a value throws <see cref="UniqueConstraintException"/>.
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task EnsureEntityStorageAsync(EntityStorageModel model, CancellationToken cancellationToken);

    /// <summary>Inserts records; throws <see cref="UniqueConstraintException"/> on a duplicate unique value.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task InsertAsync(EntityStorageModel model, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a record's row when its stored version equals <paramref name="expectedVersion"/>;
    /// throws <see cref="UniqueConstraintException"/> on a duplicate unique value.
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <param name="record">The new row (its version already incremented by Core).</param>
    /// <param name="expectedVersion">The version the row must have now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when the row is missing or its version differs; nothing is written then.</returns>
    Task<bool> UpdateAsync(EntityStorageModel model, StoredRecord record, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Reads a record, live or deleted.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="id">The record id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or null.</returns>
    Task<StoredRecord?> GetAsync(EntityStorageModel model, Guid id, CancellationToken cancellationToken);

    /// <summary>Returns which of the given ids are live records of the entity.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="ids">The ids to check.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ids that exist and are not deleted.</returns>
    Task<IReadOnlySet<Guid>> FindExistingAsync(EntityStorageModel model, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Runs a query.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <see cref="StoreQuery.Limit"/> records in the query's order.</returns>
    Task<IReadOnlyList<StoredRecord>> QueryAsync(EntityStorageModel model, StoreQuery query, CancellationToken cancellationToken);

    /// <summary>Counts the records matching a filter.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="filter">The filter; null for all.</param>
    /// <param name="deleted">Whether to count deleted records (true) or live ones (false).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count.</returns>
    Task<long> CountAsync(EntityStorageModel model, FilterNode? filter, bool deleted, CancellationToken cancellationToken);

    /// <summary>Enumerates every record of the entity, live and deleted, in id order.</summary>
    /// <param name="model">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<StoredRecord> ScanAsync(EntityStorageModel model, CancellationToken cancellationToken);

    /// <summary>Stores a field archive.</summary>
    /// <param name="archive">The archive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SaveArchiveAsync(FieldArchive archive, CancellationToken cancellationToken);

    /// <summary>Lists an entity's field archives (values included), newest first.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The archives.</returns>
    Task<IReadOnlyList<FieldArchive>> GetArchivesAsync(string entity, CancellationToken cancellationToken);

    /// <summary>Marks an archive restored.</summary>
    /// <param name="id">The archive id.</param>
    /// <param name="restoredAt">When it was restored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task MarkArchiveRestoredAsync(Guid id, DateTimeOffset restoredAt, CancellationToken cancellationToken);

    /// <summary>Reads a setting.</summary>
    /// <param name="key">The key, for example <c>module:acme.loyalty</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The setting, or null when it was never written.</returns>
    Task<StoredSetting?> ReadSettingAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a setting when its stored version equals <paramref name="expectedVersion"/> (0: the setting must not exist
    /// yet); the stored version becomes <paramref name="expectedVersion"/> + 1. Otherwise nothing is written and
    /// <see cref="SettingConcurrencyException"/> is thrown.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value as JSON text.</param>
    /// <param name="expectedVersion">The version the setting must have now; 0 when it must not exist.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task WriteSettingAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken);
}
