using System.Security.Cryptography;
using System.Text;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// Identifiers and SQL fragments shared by the DDL, the writes and the queries. Names are checked against
/// <c>[a-z][a-z0-9_]*</c> before they reach SQL text; values never do.
/// </summary>
internal static class PostgreSqlSql
{
    /// <summary>The columns of a record table in the order every SELECT returns them (see <see cref="PostgreSqlRecordReader"/>).</summary>
    public const string RecordColumns = "id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text";

    /// <summary>PostgreSQL keeps at most this many bytes of an identifier (NAMEDATALEN - 1) and cuts longer ones.</summary>
    public const int MaxIdentifierLength = 63;

    /// <summary>The collation of every text that compares ordinally: byte order of UTF-8, like SQLite's BINARY.</summary>
    public const string Ordinal = "COLLATE \"C\"";

    /// <summary>Tells whether a name is safe to embed in SQL text and JSON keys.</summary>
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
        IsIdentifier(name) ? name : throw new ArgumentException(PostgreSqlStoreMessages.InvalidIdentifier(kind, name), nameof(name));

    /// <summary>
    /// Keeps a generated name within <see cref="MaxIdentifierLength"/>: a longer one becomes its first 54 characters,
    /// <c>_</c> and 8 hex digits of a hash of the whole name, so two long names stay distinct.
    /// </summary>
    /// <param name="name">The name (ASCII).</param>
    /// <returns>The name PostgreSQL keeps.</returns>
    public static string Shorten(string name)
    {
        if (name.Length <= MaxIdentifierLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(name)), 0, 4);
        return name[..(MaxIdentifierLength - 9)] + "_" + hash;
    }

    /// <summary>The unquoted table name of an entity: <c>e_&lt;entity&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The name.</returns>
    public static string TableName(string entity) => Shorten("e_" + CheckIdentifier(entity, "entity"));

    /// <summary>The quoted table name of an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The quoted name.</returns>
    public static string Table(string entity) => Quote(TableName(entity));

    /// <summary>The name of a field's plain index: <c>ix_&lt;entity&gt;__&lt;field&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string IndexName(string entity, string field) =>
        Shorten("ix_" + CheckIdentifier(entity, "entity") + "__" + CheckIdentifier(field, "field"));

    /// <summary>The name of a field's partial unique index: <c>ux_&lt;entity&gt;__&lt;field&gt;</c>.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string UniqueIndexName(string entity, string field) =>
        Shorten("ux_" + CheckIdentifier(entity, "entity") + "__" + CheckIdentifier(field, "field"));

    /// <summary>Tells whether an index of an entity table is one of the field indexes the store manages.</summary>
    /// <param name="name">The index name.</param>
    /// <returns>True for <c>ix_...</c> and <c>ux_...</c>.</returns>
    public static bool IsFieldIndex(string name) =>
        name.StartsWith("ix_", StringComparison.Ordinal) || name.StartsWith("ux_", StringComparison.Ordinal);

    /// <summary>Quotes an identifier that has already been checked.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The identifier in double quotes.</returns>
    public static string Quote(string identifier) => "\"" + identifier + "\"";

    /// <summary>Quotes text as a string literal (only for text this provider generates, such as index comments).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The literal.</returns>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The SQL expression of a stored field's value. Index definitions and queries use this same text so the
    /// planner matches them.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns>The expression.</returns>
    public static string FieldExpression(StorageField field) => DataExpression(field.Name, field.Kind);

    /// <summary>The SQL expression a filter or sort key refers to: a system column or a typed JSON value.</summary>
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
        _ => throw new ArgumentException(PostgreSqlStoreMessages.UnknownSystemField(name), nameof(name)),
    };

    /// <summary>
    /// The typed expression of a data field's value. Numbers (integer, decimal, money amounts) are exact
    /// <c>numeric</c>s and booleans <c>boolean</c>s, each only when the JSON value has that type (anything else, JSON
    /// null included, is SQL NULL, so a stray value never fails a query); everything else is the value's text
    /// (<c>-&gt;&gt;</c>) compared ordinally (<c>COLLATE "C"</c>).
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="kind">The value kind.</param>
    /// <returns>The expression, parenthesized.</returns>
    public static string DataExpression(string name, FieldValueKind kind)
    {
        var json = "data -> '" + CheckIdentifier(name, "field") + "'";
        return ValueType(kind) switch
        {
            PostgreSqlValueType.Numeric when kind == FieldValueKind.Money =>
                $"(CASE WHEN jsonb_typeof({json} -> 'amount') = 'number' THEN ({json} ->> 'amount')::numeric END)",
            PostgreSqlValueType.Numeric => $"(CASE WHEN jsonb_typeof({json}) = 'number' THEN (data ->> '{name}')::numeric END)",
            PostgreSqlValueType.Boolean => $"(CASE WHEN jsonb_typeof({json}) = 'boolean' THEN (data ->> '{name}')::boolean END)",
            _ => $"((data ->> '{name}') {Ordinal})",
        };
    }

    /// <summary>The JSON value of a data field as <c>jsonb</c>, for containment tests (<c>has</c>) and GIN indexes.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The expression, parenthesized.</returns>
    public static string JsonExpression(string name) => "(data -> '" + CheckIdentifier(name, "field") + "')";

    /// <summary>The SQL type of the value expression of a field.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The type.</returns>
    public static PostgreSqlValueType ValueType(FieldReference field) =>
        field.IsSystem
            ? field.Name switch
            {
                SystemFields.Id => PostgreSqlValueType.Uuid,
                SystemFields.Version => PostgreSqlValueType.Numeric,
                _ => PostgreSqlValueType.Text,
            }
            : ValueType(field.Kind);

    /// <summary>The SQL type of the value expression of a data field of the given kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The type.</returns>
    public static PostgreSqlValueType ValueType(FieldValueKind kind) => kind switch
    {
        FieldValueKind.Integer or FieldValueKind.Decimal or FieldValueKind.Money => PostgreSqlValueType.Numeric,
        FieldValueKind.Boolean => PostgreSqlValueType.Boolean,
        _ => PostgreSqlValueType.Text,
    };
}
