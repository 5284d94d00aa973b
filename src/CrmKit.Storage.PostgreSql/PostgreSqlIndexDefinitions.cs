using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Storage.PostgreSql;

/// <summary>The expression indexes an entity's fields call for.</summary>
internal static class PostgreSqlIndexDefinitions
{
    /// <summary>The prefix of the comment the store puts on each index it creates: the comment is the definition.</summary>
    public const string CommentPrefix = "crmkit: ";

    /// <summary>
    /// Builds the <c>CREATE INDEX</c> statements of a model, keyed by index name. Each index carries its statement as
    /// its comment, which <c>EnsureEntityStorageAsync</c> compares to detect changed definitions (PostgreSQL keeps a
    /// normalized definition of its own, not the text as written).
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <returns>Index name to definition.</returns>
    public static Dictionary<string, PostgreSqlIndexDefinition> For(EntityStorageModel model)
    {
        var table = PostgreSqlSql.Table(model.Entity);
        var indexes = new Dictionary<string, PostgreSqlIndexDefinition>(StringComparer.Ordinal);
        foreach (var field in model.Fields)
        {
            var expression = PostgreSqlSql.FieldExpression(field);
            if (field.Indexed)
            {
                var name = PostgreSqlSql.IndexName(model.Entity, field.Name);

                // A multi-value field is searched with "has" (jsonb's "?"), which a GIN index serves; the others are
                // compared and sorted on their typed expression, nulls first as ascending queries sort (a backward scan
                // gives descending order with nulls last).
                var sql = field.Kind is FieldValueKind.TextArray or FieldValueKind.Json
                    ? $"CREATE INDEX {PostgreSqlSql.Quote(name)} ON {table} USING gin ({PostgreSqlSql.JsonExpression(field.Name)})"
                    : $"CREATE INDEX {PostgreSqlSql.Quote(name)} ON {table} ({expression} NULLS FIRST)";
                indexes[name] = new PostgreSqlIndexDefinition(name, field.Name, sql, Unique: false);
            }

            if (field.Unique)
            {
                // Partial: a soft-deleted record does not hold on to its value.
                var name = PostgreSqlSql.UniqueIndexName(model.Entity, field.Name);
                indexes[name] = new PostgreSqlIndexDefinition(
                    name, field.Name, $"CREATE UNIQUE INDEX {PostgreSqlSql.Quote(name)} ON {table} ({expression}) WHERE deleted_at IS NULL", Unique: true);
            }
        }

        return indexes;
    }

    /// <summary>Finds the unique field whose index a PostgreSQL error names.</summary>
    /// <param name="model">The entity written.</param>
    /// <param name="constraintName">The constraint (index) name from the error.</param>
    /// <returns>The field name, or null when the index is not a unique field's.</returns>
    public static string? UniqueFieldOf(EntityStorageModel model, string? constraintName)
    {
        if (string.IsNullOrEmpty(constraintName))
        {
            return null;
        }

        foreach (var field in model.Fields)
        {
            if (field.Unique && string.Equals(PostgreSqlSql.UniqueIndexName(model.Entity, field.Name), constraintName, StringComparison.Ordinal))
            {
                return field.Name;
            }
        }

        return null;
    }
}
