using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Metadata;
using CrmKit.Core.Modules;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Query;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Records;

/// <summary>
/// The records service: checks the caller's permissions (operation scopes, field-level security), validates every
/// write against the entity's current compiled schema, checks lookups, runs the pipeline stages, writes through the
/// store and appends the audit trail, in one transaction per call.
/// </summary>
internal sealed partial class RecordService(
    MetadataRegistry registry,
    ICrmStore store,
    RecordPipeline pipeline,
    ExtensionCatalog extensions,
    CursorCodec cursors,
    IOptions<CrmKitOptions> options,
    TimeProvider clock,
    AccessControl accessControl,
    IOptions<AuditOptions> auditOptions,
    MetadataFreshness freshness,
    IServiceProvider services) : IRecordService
{
    private readonly CrmKitOptions _options = options.Value;
    private readonly bool _audit = auditOptions.Value.Enabled;

    public async Task<CrmRecord?> GetAsync(
        CrmPrincipal principal, string entity, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Read);
        await using var lease = await SessionLease.OpenStatementReadAsync(store, cancellationToken);
        var session = lease.Session;
        var row = await session.GetAsync(compiled.Storage, id, cancellationToken);
        return row is null || (row.DeletedAt is not null && !includeDeleted) || !access.Covers(AccessRight.Read, row.OwnerId)
            ? null
            : access.ToRecord(entity, row);
    }

    private RecordHookContext HookContext(
        CompiledEntity entity, RecordOperation operation, PipelineStage stage, Guid id, CrmRecord? pre,
        JsonObject target, IReadOnlySet<string> changed, CrmPrincipal principal, int depth) => new()
        {
            Operation = operation,
            Stage = stage,
            Entity = entity.Definition,
            RecordId = id,
            PreImage = pre,
            Target = target,
            ChangedFields = changed,
            Principal = principal,
            Depth = depth,
            Services = services,
        };

    private async Task RunStageAsync(
        CompiledEntity entity, RecordOperation operation, PipelineStage stage, Guid id, CrmRecord? pre,
        JsonObject target, IReadOnlySet<string> changed, CrmPrincipal principal, int depth, CrmRecord? post,
        CancellationToken cancellationToken)
    {
        if (!pipeline.HasHooks(entity.Name, stage))
        {
            return;
        }

        var context = HookContext(entity, operation, stage, id, pre, target, changed, principal, depth);
        context.PostImage = post;
        await pipeline.RunAsync(context, cancellationToken);
    }

    /// <summary>Queues the matching PostCommit hooks as outbox jobs in the operation's transaction.</summary>
    private async Task QueuePostCommitAsync(
        CompiledEntity entity, RecordOperation operation, Guid id, CrmRecord? pre, JsonObject target,
        IReadOnlySet<string> changed, CrmPrincipal principal, int depth, CrmRecord post, CancellationToken cancellationToken)
    {
        if (!pipeline.HasHooks(entity.Name, PipelineStage.PostCommit))
        {
            return;
        }

        var context = HookContext(entity, operation, PipelineStage.PostCommit, id, pre, target, changed, principal, depth);
        context.PostImage = post;
        await pipeline.QueuePostCommitAsync(context, cancellationToken);
    }

    /// <summary>
    /// Reads the live record to change, checking the caller's scopes first (a record outside the read scope does not
    /// exist for the caller: 404; one it may read but not change: 403), then the caller's expected version.
    /// </summary>
    private static async Task<StoredRecord> LoadLiveAsync(
        ICrmStoreSession session, CompiledEntity entity, Guid id, long? expectedVersion, RecordAccess access,
        AccessRight permission, CancellationToken cancellationToken)
    {
        var row = await session.GetAsync(entity.Storage, id, cancellationToken);
        if (row is null || row.DeletedAt is not null)
        {
            throw CoreMessages.RecordNotFound(entity.Name, id);
        }

        EnsureCovered(access, row, permission);

        if (expectedVersion is { } expected && expected != row.Version)
        {
            throw VersionConflict(row.Version, expected);
        }

        return row;
    }

    /// <summary>
    /// Reads the pre-image in a read session of its own (or the ambient transaction of an enclosing operation), so
    /// that PreValidation hooks run before the write lock is taken.
    /// </summary>
    private async Task<StoredRecord> LoadForPreValidationAsync(
        CompiledEntity entity, Guid id, long? expectedVersion, RecordAccess access, AccessRight permission,
        CancellationToken cancellationToken)
    {
        await using var read = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        return await LoadLiveAsync(read.Session, entity, id, expectedVersion, access, permission, cancellationToken);
    }

    /// <summary>404 outside the read scope (existence does not leak), 403 outside the operation's scope.</summary>
    private static void EnsureCovered(RecordAccess access, StoredRecord row, AccessRight permission)
    {
        if (!access.Covers(AccessRight.Read, row.OwnerId))
        {
            throw CoreMessages.RecordNotFound(access.EntityName, row.Id);
        }

        if (!access.Covers(permission, row.OwnerId))
        {
            throw SecurityMessages.Denied(permission, access.EntityName);
        }
    }

    /// <summary>Appends audit entries in the operation's transaction (unless the audit trail is switched off).</summary>
    private Task AuditAsync(ICrmStoreSession session, List<StoredAuditEntry> entries, CancellationToken cancellationToken) =>
        _audit && entries.Count > 0 ? session.AppendAuditAsync(entries, cancellationToken) : Task.CompletedTask;

    /// <summary>Refuses an owner outside the operation's scope (assigning a record to someone the caller may not act for).</summary>
    private static void CheckOwner(RecordAccess access, AccessRight permission, string? owner, string pointer)
    {
        if (!access.Covers(permission, owner))
        {
            throw SecurityMessages.ExceptionAt(CrmErrorKind.Forbidden, "access.owner_denied", pointer + "/" + SystemFields.OwnerId,
                owner ?? "null", access.EntityName);
        }
    }

    /// <summary>The write transaction's row must be the one PreValidation saw; otherwise it is a version conflict.</summary>
    private static void EnsureUnchanged(StoredRecord row, StoredRecord? seen)
    {
        if (seen is not null && seen.Version != row.Version)
        {
            throw VersionConflict(row.Version, seen.Version);
        }
    }

    /// <summary>
    /// Checks that every lookup value points at a live record the caller may read (a record outside the caller's read
    /// scope is reported as missing, so that lookups do not reveal it); adds an error per missing target.
    /// </summary>
    /// <param name="session">The operation's session.</param>
    /// <param name="entity">The entity of the records.</param>
    /// <param name="records">The values of each record and the pointer its errors start with.</param>
    /// <param name="errors">Receives one error per missing target.</param>
    /// <param name="principal">Who is acting.</param>
    /// <param name="fields">The lookup fields to check; null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    private async Task CheckLookupsAsync(
        ICrmStoreSession session, CompiledEntity entity, IReadOnlyList<(JsonObject Values, string Pointer)> records,
        List<CrmError> errors, CrmPrincipal principal, HashSet<string>? fields, CancellationToken cancellationToken)
    {
        foreach (var field in entity.LookupFields)
        {
            if (fields is not null && !fields.Contains(field.Name))
            {
                continue;
            }

            var wanted = new Dictionary<Guid, List<string>>();
            foreach (var (values, pointer) in records)
            {
                if (values[field.Name] is JsonValue v && v.TryGetValue(out string? text) && Guid.TryParse(text, out var id))
                {
                    if (!wanted.TryGetValue(id, out var pointers))
                    {
                        wanted[id] = pointers = [];
                    }

                    pointers.Add(pointer + "/" + field.Name);
                }
            }

            if (wanted.Count == 0)
            {
                continue;
            }

            var target = registry.Get(field.Lookup!.TargetEntity);
            var found = await FindVisibleAsync(session, target, wanted.Keys, accessControl.ForRecords(principal, target.Name), cancellationToken);
            foreach (var (id, pointers) in wanted)
            {
                if (!found.Contains(id))
                {
                    errors.AddRange(pointers.Select(p => CoreMessages.Error("lookup.not_found", p, target.Name, id)));
                }
            }
        }
    }

    /// <summary>Which of the ids are live records of the entity within the caller's read scope.</summary>
    private static async Task<IReadOnlySet<Guid>> FindVisibleAsync(
        ICrmStoreSession session, CompiledEntity target, Dictionary<Guid, List<string>>.KeyCollection ids, RecordAccess access, CancellationToken cancellationToken)
    {
        if (access.IsUnrestricted || access.Entity.Scope(AccessRight.Read) == AccessScope.All)
        {
            return await session.FindExistingAsync(target.Storage, ids, cancellationToken);
        }

        if (access.Entity.Scope(AccessRight.Read) == AccessScope.None)
        {
            return new HashSet<Guid>();
        }

        var idField = new FieldReference(SystemFields.Id, Sdk.Fields.FieldValueKind.Reference, IsSystem: true);
        var rows = await session.QueryAsync(target.Storage, new StoreQuery
        {
            Filter = new LogicalFilter(LogicalOperator.And,
                [new InFilter(idField, [.. ids.Select(id => (object)id.ToString("D"))]), access.ScopeFilter(AccessRight.Read)!]),
            Sort = [new SortKey(idField, false)],
            Limit = ids.Count,
        }, cancellationToken);
        return rows.Select(r => r.Id).ToHashSet();
    }

    private static CrmException UniqueViolation(UniqueConstraintException e, string pointerPrefix = "")
    {
        var error = CoreMessages.Error("record.unique_violation", pointerPrefix + "/" + e.Field, e.Field);
        return new CrmException(CrmErrorKind.Conflict, "record.unique_violation", error.Message, [error], e);
    }

    private static CrmException VersionConflict(long current, long expected)
    {
        var e = CoreMessages.Exception(CrmErrorKind.Conflict, "record.version_conflict", current, expected);
        e.Extensions["currentVersion"] = current;
        return e;
    }

    /// <summary>Takes <c>owner_id</c> out of the values (it is a column, not data).</summary>
    private static bool TryTakeOwner(JsonObject values, string pointer, List<CrmError> errors, out string? owner)
    {
        owner = null;
        if (!values.TryGetPropertyValue(SystemFields.OwnerId, out var node))
        {
            return false;
        }

        values.Remove(SystemFields.OwnerId);
        if (node is null)
        {
            return true;
        }

        // No control characters: owner ids are compared inside delimited sets by stores (see the owner scope).
        if (node is JsonValue v && v.TryGetValue(out string? text) && text.Length is > 0 and <= 128 && !text.Any(char.IsControl))
        {
            owner = text;
            return true;
        }

        errors.Add(CoreMessages.Error("value.type", pointer + "/" + SystemFields.OwnerId, "string"));
        return false;
    }
}
