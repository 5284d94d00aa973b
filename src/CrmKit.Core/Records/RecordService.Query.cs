using System.Text.Json.Nodes;
using CrmKit.Core.Query;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Records;

internal sealed partial class RecordService
{
    public async Task<RecordPage> QueryAsync(
        CrmPrincipal principal, string entity, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(query);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        var permission = query.Export ? AccessRight.Export : AccessRight.Read;
        access.Demand(permission);
        if (query.Limit is < 1 or > RecordQuery.MaxLimit)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "query.invalid_limit", "/limit", RecordQuery.MaxLimit);
        }

        var definition = compiled.Definition;
        var filter = string.IsNullOrWhiteSpace(query.Filter) ? null : FilterParser.Parse(query.Filter, definition, compiled.KindOf);
        var sort = SortParser.Parse(query.Sort, definition, compiled.KindOf);
        var select = SelectParser.Parse(query.Select, definition);
        var after = string.IsNullOrEmpty(query.After) ? null : cursors.Decode(query.After, sort);
        access.CheckReadable(filter, sort, select);
        if (access.ScopeFilter(permission) is { } scope)
        {
            // The scope is part of the query itself, so pages and counts only ever see permitted rows.
            filter = filter is null ? scope : new LogicalFilter(LogicalOperator.And, [filter, scope]);
        }

        // A page alone is one statement; a page with its total is two that must agree.
        await using var lease = query.IncludeTotal
            ? await SessionLease.OpenAsync(store, write: false, cancellationToken)
            : await SessionLease.OpenStatementReadAsync(store, cancellationToken);
        var session = lease.Session;
        var rows = await session.QueryAsync(compiled.Storage, new StoreQuery
        {
            Filter = filter,
            Sort = sort,
            After = after,
            Limit = query.Limit + 1,
            Deleted = query.Deleted,
        }, cancellationToken);
        long? total = query.IncludeTotal
            ? await session.CountAsync(compiled.Storage, filter, query.Deleted, cancellationToken)
            : null;

        var page = rows.Count > query.Limit ? rows.Take(query.Limit).ToList() : rows;
        var next = rows.Count > query.Limit ? cursors.Encode(sort, CursorValues.From(page[^1], sort)) : null;
        var records = page.Select(row => Project(access.ToRecord(entity, row), select)).ToList();
        return new RecordPage(records, next, total);
    }

    private static CrmRecord Project(CrmRecord record, IReadOnlyList<string>? select)
    {
        if (select is null || select.Count == 0)
        {
            return record;
        }

        var values = new JsonObject();
        foreach (var name in select)
        {
            if (!SystemFields.Contains(name) && record.Values.TryGetPropertyValue(name, out var value))
            {
                values[name] = value?.DeepClone();
            }
        }

        return new CrmRecord
        {
            Entity = record.Entity, Id = record.Id, Version = record.Version, CreatedAt = record.CreatedAt,
            CreatedBy = record.CreatedBy, UpdatedAt = record.UpdatedAt, UpdatedBy = record.UpdatedBy,
            OwnerId = record.OwnerId, DeletedAt = record.DeletedAt, Values = values,
        };
    }
}
