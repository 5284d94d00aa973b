using System.Globalization;
using System.Text;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// Identifiers and SQL fragments shared by the DDL, the writes and the queries. Names are checked against
/// <c>[a-z][a-z0-9_]*</c> before they reach SQL text; values never do.
/// </summary>
internal static class SqliteSql
{
    /// <summary>The columns of a record table in the order every SELECT returns them (see <see cref="SqliteRecordReader"/>).</summary>
    public const string RecordColumns = "id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data";

    private static readonly string[] ParameterNames = CreateParameterNames(512);

    /// <summary>The name of the <paramref name="index"/>th positional parameter: <c>@p0</c>, <c>@p1</c>, ...</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The name.</returns>
    public static string ParameterName(int index) =>
        (uint)index < (uint)ParameterNames.Length ? ParameterNames[index] : "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tells whether a name is safe to embed in SQL text and JSON paths.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True for <c>[a-z][a-z0-9_]*</c>.</returns>
    public static bool IsIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="name"/> is a safe identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">What the name is, for the message.</param>
    /// <returns>The name.</returns>
    public static string CheckIdentifier(string name, string kind) =>
        IsIdentifier(name) ? name : throw new ArgumentException(SqliteStoreMessages.InvalidIdentifier(kind, name), nameof(name));

    /// <summary>The unquoted table name of an entity: <c>e_&lt;entity&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The name.</returns>
    public static string TableName(string entity) => "e_" + CheckIdentifier(entity, "entity");

    /// <summary>The quoted table name of an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The quoted name.</returns>
    public static string Table(string entity) => Quote(TableName(entity));

    /// <summary>The name of a field's plain index: <c>ix_&lt;entity&gt;__&lt;field&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string IndexName(string entity, string field) => IndexPrefix(entity) + CheckIdentifier(field, "field");

    /// <summary>The name of a field's partial unique index: <c>ux_&lt;entity&gt;__&lt;field&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string UniqueIndexName(string entity, string field) => UniqueIndexPrefix(entity) + CheckIdentifier(field, "field");

    /// <summary>The prefix of an entity's plain index names.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The prefix.</returns>
    public static string IndexPrefix(string entity) => "ix_" + CheckIdentifier(entity, "entity") + "__";

    /// <summary>The prefix of an entity's unique index names.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The prefix.</returns>
    public static string UniqueIndexPrefix(string entity) => "ux_" + CheckIdentifier(entity, "entity") + "__";

    /// <summary>Quotes an identifier that has already been checked.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The identifier in double quotes.</returns>
    public static string Quote(string identifier) => "\"" + identifier + "\"";

    /// <summary>
    /// The SQL expression of a stored field's value. Index definitions and queries use this same text so the
    /// planner matches them.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns>The expression.</returns>
    public static string FieldExpression(StorageField field) => DataExpression(field.Name, field.Kind);

    /// <summary>The SQL expression a filter or sort key refers to: a system column or a JSON value.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The expression.</returns>
    public static string FieldExpression(FieldReference field) =>
        field.IsSystem ? SystemColumn(field.Name) : DataExpression(field.Name, field.Kind);

    /// <summary>Maps a system field name to its column.</summary>
    /// <param name="name">The system field.</param>
    /// <returns>The column name.</returns>
    public static string SystemColumn(string name) => name switch
    {
        SystemFields.Id => "id",
        SystemFields.Version => "version",
        SystemFields.CreatedAt => "created_at",
        SystemFields.CreatedBy => "created_by",
        SystemFields.UpdatedAt => "updated_at",
        SystemFields.UpdatedBy => "updated_by",
        SystemFields.OwnerId => "owner_id",
        SystemFields.DeletedAt => "deleted_at",
        _ => throw new ArgumentException(SqliteStoreMessages.UnknownSystemField(name), nameof(name)),
    };

    /// <summary>The <c>json_extract</c> expression of a data field; money compares by its amount.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="kind">The value kind.</param>
    /// <returns>The expression.</returns>
    public static string DataExpression(string name, FieldValueKind kind)
    {
        CheckIdentifier(name, "field");
        return kind == FieldValueKind.Money
            ? "json_extract(data, '$." + name + ".amount')"
            : "json_extract(data, '$." + name + "')";
    }

    /// <summary>A parenthesized list of the first <paramref name="count"/> positional parameters: <c>(@p0, @p1)</c>.</summary>
    /// <param name="count">How many parameters; at least one.</param>
    /// <returns>The list.</returns>
    public static string ParameterList(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var builder = new StringBuilder("(", (count * 6) + 2);
        for (var i = 0; i < count; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty).Append(ParameterName(i));
        }

        return builder.Append(')').ToString();
    }

    /// <summary>The JSON path of a data field (for <c>json_each</c>).</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The path literal, quoted.</returns>
    public static string DataPath(string name) => "'$." + CheckIdentifier(name, "field") + "'";

    private static string[] CreateParameterNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
        }

        return names;
    }
}
