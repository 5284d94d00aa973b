using CrmKit.Core.Storage;

namespace CrmKit.Storage.Sqlite;

/// <summary>The expression indexes an entity's fields call for.</summary>
internal static class SqliteIndexDefinitions
{
    /// <summary>
    /// Builds the <c>CREATE INDEX</c> statements of a model, keyed by index name. The text is compared with
    /// <c>sqlite_master.sql</c>, which keeps statements as written, to detect changed definitions.
    /// </summary>
    /// <param name="model">The entity.</param>
    /// <returns>Index name to statement.</returns>
    public static Dictionary<string, string> For(EntityStorageModel model)
    {
        var table = SqliteSql.Table(model.Entity);
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in model.Fields)
        {
            var expression = SqliteSql.FieldExpression(field);
            if (field.Indexed)
            {
                var name = SqliteSql.IndexName(model.Entity, field.Name);
                indexes[name] = $"CREATE INDEX {SqliteSql.Quote(name)} ON {table} ({expression})";
            }

            if (field.Unique)
            {
                // Partial: a soft-deleted record does not hold on to its value.
                var name = SqliteSql.UniqueIndexName(model.Entity, field.Name);
                indexes[name] = $"CREATE UNIQUE INDEX {SqliteSql.Quote(name)} ON {table} ({expression}) WHERE deleted_at IS NULL";
            }
        }

        return indexes;
    }
}
