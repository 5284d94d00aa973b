using CrmKit.Core.Query;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Security;

/// <summary>
/// What one principal may do with the records of one entity, for one records-service call: the operation scopes, the
/// owners those scopes cover, and field-level security. Made by <see cref="AccessControl.ForRecords"/>.
/// </summary>
internal sealed class RecordAccess
{
    public RecordAccess(string entity, EntityAccess access, ScopeOwners owners, bool unrestricted)
    {
        EntityName = entity;
        Entity = access;
        Owners = owners;
        IsUnrestricted = unrestricted;
    }

    public string EntityName { get; }

    public EntityAccess Entity { get; }

    public ScopeOwners Owners { get; }

    /// <summary>Whether nothing is checked (administrators, the host).</summary>
    public bool IsUnrestricted { get; }

    /// <summary>Refuses the call when the operation's scope is none: the caller may not do it to any record.</summary>
    public void Demand(AccessRight permission)
    {
        if (!IsUnrestricted && Entity.Scope(permission) == AccessScope.None)
        {
            throw SecurityMessages.Denied(permission, EntityName);
        }
    }

    /// <summary>Whether a record owned by <paramref name="owner"/> is within the operation's scope.</summary>
    public bool Covers(AccessRight permission, string? owner) =>
        IsUnrestricted || Owners.Covers(Entity.Scope(permission), owner);

    /// <summary>The filter that keeps a query within the operation's scope; null when it covers every record.</summary>
    public FilterNode? ScopeFilter(AccessRight permission)
    {
        if (IsUnrestricted)
        {
            return null;
        }

        return Entity.Scope(permission) switch
        {
            AccessScope.All => null,
            AccessScope.Team => Owners.TeamFilter,
            AccessScope.Own => Owners.OwnFilter,
            _ => throw SecurityMessages.Denied(permission, EntityName),
        };
    }

    /// <summary>The record of a stored row, without the fields the caller may not read (cut from the stored text itself).</summary>
    public CrmRecord ToRecord(string entity, Storage.StoredRecord row) =>
        IsUnrestricted || !Entity.HidesFields
            ? Records.RecordJson.ToRecord(entity, row)
            : Records.RecordJson.ToRecord(entity, row, RecordFieldFilter.StripText(row.Data, Entity));

    /// <summary>The record without the fields the caller may not read.</summary>
    public CrmRecord Strip(CrmRecord record) => IsUnrestricted ? record : RecordFieldFilter.Strip(record, Entity);

    /// <summary>
    /// Refuses values the caller may not write: any hidden field named at all (so that answers reveal nothing about
    /// its value), and read-only fields among <paramref name="changed"/>.
    /// </summary>
    public void CheckWrites(IEnumerable<string> named, IReadOnlySet<string> changed, string pointer)
    {
        if (IsUnrestricted || !Entity.RestrictsFields)
        {
            return;
        }

        List<CrmError>? errors = null;
        foreach (var field in named)
        {
            var access = Entity.Field(field);
            var code = access switch
            {
                FieldAccess.Hidden => "access.field_hidden",
                FieldAccess.ReadOnly when changed.Contains(field) => "access.field_read_only",
                _ => null,
            };
            if (code is not null)
            {
                (errors ??= []).Add(SecurityMessages.Error(code, pointer + "/" + field, field, EntityName));
            }
        }

        if (errors is not null)
        {
            throw new CrmException(CrmErrorKind.Forbidden, errors[0].Code, errors[0].Message, errors);
        }
    }

    /// <summary>Refuses a query that filters, sorts or selects on a field the caller may not read.</summary>
    public void CheckReadable(FilterNode? filter, IReadOnlyList<SortKey> sort, IReadOnlyList<string>? select)
    {
        if (IsUnrestricted || !Entity.HidesFields)
        {
            return;
        }

        if (filter is not null && FirstHidden(filter) is { } inFilter)
        {
            throw Hidden(inFilter, "/filter");
        }

        foreach (var key in sort)
        {
            if (!key.Field.IsSystem && !Entity.CanRead(key.Field.Name))
            {
                throw Hidden(key.Field.Name, "/sort");
            }
        }

        foreach (var name in select ?? [])
        {
            if (!SystemFields.Contains(name) && !Entity.CanRead(name))
            {
                throw Hidden(name, "/select");
            }
        }
    }

    private CrmException Hidden(string field, string pointer) =>
        SecurityMessages.ExceptionAt(CrmErrorKind.Forbidden, "access.field_hidden", pointer, field, EntityName);

    private string? FirstHidden(FilterNode node) => node switch
    {
        ComparisonFilter c => Hidden(c.Field),
        InFilter i => Hidden(i.Field),
        HasFilter h => Hidden(h.Field),
        TextMatchFilter t => Hidden(t.Field),
        NotFilter n => FirstHidden(n.Operand),
        LogicalFilter l => l.Operands.Select(FirstHidden).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private string? Hidden(FieldReference field) => !field.IsSystem && !Entity.CanRead(field.Name) ? field.Name : null;
}
